/**
 * Eager gadget module (`ext.gadget.ldwg`, loaded with draft page views): at each section marker
 * of a configured draft or translation, a "Give feedback" button and the section's counts. Does
 * nothing, and requests nothing, on any other page. See docs/gadget.md.
 *
 * @packageDocumentation
 */
import './core.css';
import { start } from './main.ts';

/** ResourceLoader's `require` for the gadget's package files (`ldwg-config.json`). */
declare function require( name: string ): unknown;

start( () => {
	try {
		return require( './ldwg-config.json' );
	} catch {
		// Loaded without its package file (e.g. a wiki without the page): no configuration.
		return null;
	}
} );
