<?php
/**
 * Serves a current Codex to the local wiki (1.39 ships Codex 0.1; Meta serves 2.x).
 *
 * The gadget uses Codex's CSS-only components, so the wiki only needs the stylesheet from the
 * npm package `@wikimedia/codex` (a devDependency of the repository) as the ResourceLoader
 * module `codex-styles`, which is the name Meta uses for the same thing. Codex ships an LTR and an
 * RTL build; CodexModule picks the one for the page's direction, so CSSJanus must not flip it
 * again (`noflip`). The Vue route (Vue 3.5 compat + Codex 2.x Vue components in place of core's
 * `vue` and `@wikimedia/codex`) is opt-in with LDWG_WIKI_CODEX=vue: codex-vue.php and
 * docs/local-wiki.md, "Codex: the Vue route attempt".
 */

if ( !defined( 'MEDIAWIKI' ) ) {
	exit;
}

$wgResourceModules['codex-styles'] = [
	'class' => MediaWiki\ResourceLoader\CodexModule::class,
	'localBasePath' => dirname( __DIR__, 2 ) . '/node_modules/@wikimedia/codex/dist',
	// Codex's stylesheet references no files by URL, so the remote path is never used; it
	// must still be set for a module outside $IP.
	'remoteBasePath' => '/',
	'dirSpecificStyles' => [
		'ltr' => 'codex.style.css',
		'rtl' => 'codex.style-rtl.css',
	],
	'noflip' => true,
	'targets' => [ 'desktop', 'mobile' ],
];
