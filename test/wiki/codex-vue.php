<?php
/**
 * Opt-in (LDWG_WIKI_CODEX=vue): replaces core's `vue` (Vue 3.2 compat) and `@wikimedia/codex`
 * (Codex 0.1) ResourceLoader modules with `@vue/compat` 3.5 and Codex 2.x from npm, as Meta serves
 * them. The default wiki keeps 1.39's modules and only adds `codex-styles` (codex.php): the gadget
 * uses Codex's CSS-only components. See docs/local-wiki.md, "Codex: the Vue route attempt".
 *
 * 1.39 registers $wgResourceModules after core's modules and only warns on a duplicate name, so
 * these definitions win. The modules keep core's file names, so core's wrappers
 * (resources/src/vue/index.js with its `Vue.use()` plugins and Vue.createMwApp, and
 * resources/src/codex/codex.js, which marks every Codex component `compatConfig: { MODE: 3 }`)
 * run unchanged on top of the npm builds. Vector 2022's search (`@wikimedia/codex-search`, still
 * 1.39's Codex 0.1 search build) depends on `vue` and so runs on Vue 3.5 compat too.
 */

use MediaWiki\ResourceLoader\CodexModule;
use MediaWiki\ResourceLoader\FilePath;

if ( !defined( 'MEDIAWIKI' ) ) {
	exit;
}

$ldwgNpmDir = dirname( __DIR__, 2 ) . '/node_modules';

$wgResourceModules['vue'] = [
	'localBasePath' => $IP,
	'remoteBasePath' => $wgResourceBasePath,
	'packageFiles' => [
		'resources/src/vue/index.js',
		'resources/src/vue/errorLogger.js',
		'resources/src/vue/i18n.js',
		[
			// The name core's index.js requires ('../../lib/vue/vue.js').
			'name' => 'resources/lib/vue/vue.js',
			'callback' => static function () use ( $ldwgNpmDir ) {
				// The global build does `var Vue = …;` without exporting it.
				return file_get_contents( "$ldwgNpmDir/@vue/compat/dist/vue.global.prod.js" ) .
					';module.exports=Vue;';
			},
			'versionCallback' => static function () use ( $ldwgNpmDir ) {
				return new FilePath( 'vue.global.prod.js', "$ldwgNpmDir/@vue/compat/dist", '/' );
			},
		],
	],
	'es6' => true,
	'targets' => [ 'desktop', 'mobile' ],
];

$wgResourceModules['@wikimedia/codex'] = [
	'class' => CodexModule::class,
	'localBasePath' => $IP,
	'remoteBasePath' => $wgResourceBasePath,
	'packageFiles' => [
		'resources/src/codex/codex.js',
		[
			// The name core's codex.js requires ('../../lib/codex/codex.umd.js'). The UMD build
			// does `require("vue")`, which ResourceLoader resolves to the module above.
			'name' => 'resources/lib/codex/codex.umd.js',
			'file' => new FilePath( 'codex.umd.cjs', "$ldwgNpmDir/@wikimedia/codex/dist", '/' ),
			'type' => 'script',
		],
	],
	'dirSpecificStyles' => [
		'ltr' => [ new FilePath( 'codex.style.css', "$ldwgNpmDir/@wikimedia/codex/dist", '/' ) ],
		'rtl' => [ new FilePath( 'codex.style-rtl.css', "$ldwgNpmDir/@wikimedia/codex/dist", '/' ) ],
	],
	'noflip' => true,
	'dependencies' => [ 'vue' ],
	'es6' => true,
	'targets' => [ 'desktop', 'mobile' ],
];

unset( $ldwgNpmDir );
