/**
 * Night mode as Meta has it (MediaWiki 1.43+, Vector 2022 and Minerva), reproduced on the local
 * MediaWiki 1.39, which has none: the class the skins put on `<html>` and the night values of the
 * Codex design tokens, plus the skin's own page colours, which our elements sit on.
 *
 * @packageDocumentation
 */
import type { Page } from 'playwright-core';

/**
 * The night values of the Codex design tokens, exactly as published by Codex in
 * `theme-wikimedia-ui-mode-dark.css` (Codex Design Tokens v2.6.0, the copy MediaWiki core ships
 * in resources/lib/codex-design-tokens/; tokens/src/modes/dark.json in wikimedia/design-codex).
 * Tokens it does not list keep their day values, which is what the gadget's fallbacks give on a
 * wiki without tokens. Deprecated aliases and the option colours (red, orange…) are left out.
 */
export const NIGHT_TOKENS = `
	--color-base: #eaecf0;
	--color-base--hover: #f8f9fa;
	--color-emphasized: #f8f9fa;
	--color-neutral: #c8ccd1;
	--color-subtle: #a2a9b1;
	--color-disabled: #54595d;
	--color-disabled-emphasized: #72777d;
	--color-inverted: #101418;
	--color-progressive: #88a3e8;
	--color-progressive--hover: #a6bbf5;
	--color-progressive--active: #b6d4fb;
	--color-destructive: #fd7865;
	--color-destructive--hover: #fea898;
	--color-destructive--active: #ffc8bd;
	--color-visited: #a799cd;
	--color-visited--hover: #c5b9dd;
	--color-visited--active: #d9d0e9;
	--color-destructive--visited: #c99391;
	--color-destructive--visited--hover: #dcb5b3;
	--color-destructive--visited--active: #e8cecd;
	--color-error: #fd7865;
	--color-error--hover: #fea898;
	--color-error--active: #ffc8bd;
	--color-warning: #ca982e;
	--color-success: #2cb491;
	--color-notice: #a2a9b1;
	--color-icon-progressive: #6485d1;
	--color-content-added: #80cdb3;
	--color-content-removed: #fd7865;
	--color-base--subtle: #a2a9b1;
	--box-shadow-color-base: #72777d;
	--box-shadow-color-progressive--focus: #6485d1;
	--box-shadow-color-progressive-selected: #88a3e8;
	--box-shadow-color-progressive-selected--hover: #a6bbf5;
	--box-shadow-color-progressive-selected--active: #b6d4fb;
	--box-shadow-color-destructive--focus: #6485d1;
	--box-shadow-color-inverted: #000;
	--box-shadow-color-alpha-base: rgba( 0, 0, 0, 0.87 );
	--mix-blend-mode-blend: screen;
	--background-color-base: #101418;
	--background-color-neutral: #27292d;
	--background-color-neutral-subtle: #202122;
	--background-color-interactive: #27292d;
	--background-color-interactive--hover: #404244;
	--background-color-interactive--active: #54595d;
	--background-color-interactive-subtle: #202122;
	--background-color-interactive-subtle--hover: #27292d;
	--background-color-interactive-subtle--active: #404244;
	--background-color-disabled: #404244;
	--background-color-disabled-subtle: #27292d;
	--background-color-inverted: #f8f9fa;
	--background-color-progressive--focus: #6485d1;
	--background-color-progressive-subtle: #1b223d;
	--background-color-progressive-subtle--hover: #233566;
	--background-color-progressive-subtle--active: #3056a9;
	--background-color-destructive--focus: #6485d1;
	--background-color-destructive-subtle: #3c1a13;
	--background-color-destructive-subtle--hover: #612419;
	--background-color-destructive-subtle--active: #9f3526;
	--background-color-error-subtle: #3c1a13;
	--background-color-error-subtle--hover: #612419;
	--background-color-error-subtle--active: #9f3526;
	--background-color-warning-subtle: #2d2212;
	--background-color-success-subtle: #132821;
	--background-color-notice-subtle: #27292d;
	--background-color-content-added: #233566;
	--background-color-content-removed: #453217;
	--background-color-target-text: #572c19;
	--background-color-backdrop-light: rgba( 0, 0, 0, 0.65 );
	--background-color-backdrop-dark: rgba( 255, 255, 255, 0.65 );
	--border-color-base: #72777d;
	--border-color-emphasized: #eaecf0;
	--border-color-subtle: #54595d;
	--border-color-muted: #404244;
	--border-color-interactive--hover: #a2a9b1;
	--border-color-interactive--active: #c8ccd1;
	--border-color-disabled: #54595d;
	--border-color-inverted: #101418;
	--border-color-progressive: #6485d1;
	--border-color-progressive--hover: #88a3e8;
	--border-color-progressive--active: #a6bbf5;
	--border-color-progressive--focus: #6485d1;
	--border-color-destructive--hover: #fd7865;
	--border-color-destructive--active: #fea898;
	--border-color-destructive--focus: #6485d1;
	--border-color-error--hover: #fd7865;
	--border-color-error--active: #fea898;
	--border-color-warning--hover: #ca982e;
	--border-color-warning--active: #edb537;
	--border-color-content-added: #233566;
	--border-color-content-removed: #987027;
`;

/** How night mode is on: chosen by the reader (`night`) or following the OS (`os`). */
export type NightMode = 'night' | 'os';

/**
 * The stylesheet a skin in night mode gives the page: the tokens, and the page's own background
 * and text colours from them (Vector 2022 and Minerva paint these with the same tokens), and the
 * headings' colour, a token in current core (mediawiki.skinning/elements.less, `@color-emphasized`)
 * where 1.39 hard-codes black.
 *
 * @param mode `night`: on with the class alone; `os`: only when the OS is in dark mode.
 */
export function nightStylesheet( mode: NightMode ): string {
	const root = `html.skin-theme-clientpref-${ mode }`;
	const css = `${ root } { ${ NIGHT_TOKENS } }
${ root } body, ${ root } .mw-page-container, ${ root } .mw-body, ${ root } .vector-body,
${ root } #content, ${ root } #mw-mf-page-center, ${ root } .content {
	background-color: var( --background-color-base ); color: var( --color-base );
}
${ root } a { color: var( --color-progressive ); }
${ root } h1, ${ root } h2, ${ root } h3, ${ root } h4, ${ root } h5, ${ root } h6 {
	color: var( --color-emphasized );
}`;
	return mode === 'os' ? `@media ( prefers-color-scheme: dark ) { ${ css } }` : css;
}

/**
 * Puts a loaded page into night mode: the `<html>` class and the stylesheet; for `os`, also
 * `prefers-color-scheme: dark`. Call it after the page has loaded (and again after a reload).
 *
 * @param page Playwright page.
 * @param mode See {@link nightStylesheet}.
 */
export async function emulateNightMode( page: Page, mode: NightMode ): Promise<void> {
	if ( mode === 'os' ) {
		await page.emulateMedia( { colorScheme: 'dark' } );
	}
	await page.evaluate( ( name ) => {
		document.documentElement.classList.remove( 'skin-theme-clientpref-day' );
		document.documentElement.classList.add( name );
	}, `skin-theme-clientpref-${ mode }` );
	await page.addStyleTag( { content: nightStylesheet( mode ) } );
}

/** The channels of a computed `rgb()`/`rgba()` colour: red, green, blue (0–255), alpha (0–1). */
function channels( colour: string ): [ number, number, number, number ] {
	const [ r, g, b, a = 1 ] = ( colour.match( /[\d.]+/g ) ?? [] ).map( Number );
	if ( r === undefined || g === undefined || b === undefined ) {
		throw new Error( `Not an rgb() colour: ${ colour }` );
	}
	return [ r, g, b, a ];
}

/** WCAG 2 relative luminance of a colour's red, green and blue (alpha ignored). */
function luminance( colour: string ): number {
	const [ r, g, b ] = channels( colour ).slice( 0, 3 ).map( ( v ) => {
		const c = v / 255;
		return c <= 0.04045 ? c / 12.92 : ( ( c + 0.055 ) / 1.055 ) ** 2.4;
	} ) as [ number, number, number ];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * WCAG 2 contrast ratio of two opaque colours given as CSS `rgb()`/`rgba()` strings (computed
 * styles). Alpha is ignored: pass colours already composited ({@link flatten}), or opaque ones.
 *
 * @param a A colour such as `rgb(234, 236, 240)`.
 * @param b Another.
 * @return The ratio, from 1 to 21.
 */
export function contrastRatio( a: string, b: string ): number {
	const la = luminance( a );
	const lb = luminance( b );
	return ( Math.max( la, lb ) + 0.05 ) / ( Math.min( la, lb ) + 0.05 );
}

/**
 * A colour with alpha as it shows over an opaque one (source-over), as an `rgb()` string, for
 * {@link contrastRatio}.
 *
 * @param colour A computed `rgb()`/`rgba()` colour.
 * @param over The opaque colour behind it.
 * @return The composited, opaque colour.
 */
export function flatten( colour: string, over: string ): string {
	const [ r, g, b, a ] = channels( colour );
	const [ r0, g0, b0 ] = channels( over );
	const mix = ( c: number, c0: number ): number => Math.round( c * a + c0 * ( 1 - a ) );
	return `rgb(${ mix( r, r0 ) }, ${ mix( g, g0 ) }, ${ mix( b, b0 ) })`;
}
