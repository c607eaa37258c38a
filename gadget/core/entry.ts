/**
 * Eager gadget module (`ext.gadget.ldwg`, loaded with draft page views): at each section marker
 * of a configured draft or translation, a "Give feedback" button and the section's counts. Does
 * nothing, and requests nothing, on any other page. See docs/gadget.md.
 *
 * @packageDocumentation
 */
import './core.css';
import { loadBase } from '../base/require.ts';
import { start } from './main.ts';

// The configuration and the module loader come from the shared hidden module this gadget
// depends on; without it (a wiki whose definition lacks it) there is no configuration, and
// start() returns before loading anything.
const base = loadBase();
start( () => base && base.config, ( name, limitMs ) => base ? base.loadModule( name, limitMs ) :
	Promise.reject() );
