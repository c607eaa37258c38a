<?php
/**
 * Settings shared by every local ldwg-tools wiki (demo on 8080, test wiki on 8181, …).
 *
 * Included at the end of the generated `.wiki/<port>/LocalSettings.php` by scripts/lib/wiki.mjs,
 * after that file has set $wgServer, $wgSQLiteDataDir and $wgCacheDirectory for its port. Nothing
 * here may depend on the port: one pristine database is copied between wikis (fast reset).
 *
 * The aim is a wiki that behaves like Meta-Wiki where the gadget and the bot can tell the
 * difference (gadgets, page languages, skins, Codex), and that is easy to test against.
 */

if ( !defined( 'MEDIAWIKI' ) ) {
	exit;
}

// Extensions the templates and the gadget need. ParserFunctions for {{#if:}} / {{#switch:}} in
// our templates; Scribunto is not needed (no Lua in our templates).
wfLoadExtension( 'Gadgets' );
wfLoadExtension( 'ParserFunctions' );

// Every skin the gadget must work in. Vector 2022 is Meta's default.
wfLoadSkin( 'Vector' );
wfLoadSkin( 'MonoBook' );
wfLoadSkin( 'Timeless' );
wfLoadSkin( 'MinervaNeue' );
$wgDefaultSkin = 'vector-2022';

// Edits made by maintenance scripts and by the API must be seen by the web server at once; the
// default (no object cache) lets the parser cache and message cache go stale between processes.
$wgMainCacheType = CACHE_DB;
$wgParserCacheType = CACHE_DB;
$wgMessageCacheType = CACHE_DB;
$wgSessionCacheType = CACHE_DB;

// 1.39 validates gadget JS as ES5 and silently replaces a failing module with an error. Meta
// validates ES2017; the build is ES2017 and test/unit/build.test.ts checks it with acorn.
$wgResourceLoaderValidateJS = false;

// Per-page language, as the Translate extension sets it on Meta for /xx subpages.
$wgPageLanguageUseDB = true;
$wgGroupPermissions['sysop']['pagelang'] = true;
$wgGrantPermissions['editpage']['pagelang'] = true;

// Anonymous (IP) editing, as on Meta: IPs may give feedback on talk pages.
$wgGroupPermissions['*']['edit'] = true;
$wgGroupPermissions['*']['createpage'] = true;
$wgGroupPermissions['*']['createtalk'] = true;

// The bot and the deploy command log in with BotPasswords.
$wgEnableBotPasswords = true;

// Raw HTML in wikitext would defeat every escaping test; Meta has it off.
$wgRawHtml = false;

// Rate limits: high enough that tests editing as new users and IPs are not throttled, but still
// present so that code paths reading `ratelimited` errors stay realistic if a test lowers them.
$wgRateLimits['edit'] = [
	'ip' => [ 1000, 60 ],
	'newbie' => [ 1000, 60 ],
	'user' => [ 2000, 60 ],
];
$wgRateLimits['move'] = [ 'newbie' => [ 100, 60 ], 'user' => [ 100, 60 ] ];
$wgRateLimits['badcaptcha'] = [];
// Browser tests log in many times as the same accounts.
$wgPasswordAttemptThrottle = [
	[ 'count' => 1000, 'seconds' => 60 ],
];
$wgAccountCreationThrottle = [ [ 'count' => 1000, 'seconds' => 60 ] ];

// Nothing to mail, no uploads, no external requests.
$wgEnableEmail = false;
$wgEnableUserEmail = false;
$wgEnableUploads = false;
$wgUseInstantCommons = false;
$wgPingback = false;

// Readable errors in the local wiki's log and API responses.
$wgShowExceptionDetails = true;
$wgDevelopmentWarnings = false;

// Run queued jobs (links updates, refreshes) promptly so that what a test writes is what the next
// request sees.
$wgJobRunRate = 1;

// Codex as Meta serves it (see codex.php and docs/local-wiki.md).
require_once __DIR__ . '/codex.php';
// Opt-in: Vue 3.5 (compat) and Codex 2.x's Vue components in place of 1.39's `vue` and
// `@wikimedia/codex` modules (codex-vue.php; test/browser/codex-vue.test.ts).
if ( getenv( 'LDWG_WIKI_CODEX' ) === 'vue' ) {
	require_once __DIR__ . '/codex-vue.php';
}
