/**
 * The no-JavaScript link's generated pages: the preload lists the configured fields in the
 * page's language, and no translated text can break out of its place (the preload's comment, the
 * switch template's values, the thread title's URL).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig, type Config } from '../../../shared/contracts/config.ts';
import { decodeText } from '../../../shared/entry/escape.ts';
import { commentText, noJsPages, preloadText, switchTemplateText } from '../../../bot/deploy/nojs.ts';
import { checkedConfig, configPages } from '../../../bot/deploy/plan.ts';

const siteFile = new URL( '../../../wiki-content/config/site.json', import.meta.url );
const site = JSON.parse( readFileSync( siteFile, 'utf8' ) ) as Record<string, unknown>;

function config( change: ( site: Record<string, unknown> ) => void = () => undefined ): Config {
	const copy = JSON.parse( JSON.stringify( site ) ) as Record<string, unknown>;
	change( copy );
	const parsed = parseConfig( copy );
	if ( !parsed.ok ) {
		throw new Error( JSON.stringify( parsed.problems ) );
	}
	return parsed.value;
}

const none = (): null => null;
const HOSTILE = 'x --> }}|[[Evil]]{{#invoke:x}} $1 ~~~~ <script>alert(1)</script> = \'\'\'b\'\'\'';

let dir = '';
afterEach( () => {
	if ( dir ) {
		rmSync( dir, { recursive: true, force: true } );
		dir = '';
	}
} );

function i18n( files: Record<string, Record<string, string>> ): string {
	dir = mkdtempSync( path.join( os.tmpdir(), 'ldwg-nojs-' ) );
	for ( const [ code, messages ] of Object.entries( files ) ) {
		writeFileSync( path.join( dir, `${ code }.json` ), JSON.stringify( messages ) );
	}
	return dir;
}

/** The preload's comment and what follows it. */
function split( text: string ): { comment: string; rest: string } {
	const end = text.indexOf( '-->' );
	expect( text.startsWith( '<!--' ) ).toBe( true );
	expect( end ).toBeGreaterThan( 0 );
	return { comment: text.slice( 4, end ), rest: text.slice( end + 3 ) };
}

describe( 'preloadText', () => {
	it( 'lists the configured fields with their values and labels, then the entry skeleton', () => {
		const text = preloadText( config(), none );
		const { comment, rest } = split( text );
		expect( comment ).toContain( 'support-with-changes = Support with changes' );
		expect( comment ).toContain( 'r-representative: Is it representative of the movement?' );
		expect( comment ).toContain( '1 = Not at all; 2 = A little; 3 = Somewhat; 4 = Mostly; 5 = Fully; na = No opinion' );
		expect( comment ).toContain( 'cee-central-asia = Central and Eastern Europe (CEE) and Central Asia' );
		expect( rest.trim() ).toBe( '{{LDWG feedback entry|v=1|id={{\x3Cincludeonly>subst:\x3C/includeonly>#time:Ymd-His}}-nojs|' +
			'section=$1|page=$2|lang=$3|stance=|r-useful=|r-written=|r-representative=|region=|comment=|wording=}} ' +
			'~~\x3Cincludeonly>\x3C/includeonly>~~' );
	} );

	it( 'follows the configuration: a new rubric question, one region, no "no opinion"', () => {
		const text = preloadText( config( ( s ) => {
			const rubric = s.rubric as {
				questions: { id: string; label: string }[];
				noOpinion: boolean;
			};
			rubric.questions.push( { id: 'inclusive', label: 'Is it inclusive?' } );
			rubric.noOpinion = false;
			s.regions = [ { id: 'south-asia', label: 'South Asia' } ];
		} ), none );
		expect( text ).toContain( 'r-inclusive: Is it inclusive?' );
		expect( text ).toContain( '|r-representative=|r-inclusive=|region=|comment=' );
		expect( text ).toContain( '  south-asia = South Asia\n' );
		expect( text ).not.toContain( 'na =' );
	} );

	it( 'uses the language\'s messages for labels and help', () => {
		const fr: Record<string, string> = {
			'ldwg-nojs-preload-help': 'Complétez après les signes =.',
			'ldwg-stance-support': 'Pour',
			'ldwg-rubric-scale-1': 'Pas du tout',
			'ldwg-form-comment-label': 'Commentaire',
		};
		const text = preloadText( config(), ( key ) => fr[ key ] ?? null );
		expect( text ).toContain( 'Complétez après les signes =.' );
		expect( text ).toContain( 'support = Pour;' );
		// Missing translations fall back to the configuration's English labels.
		expect( text ).toContain( 'oppose = Oppose' );
		expect( text ).toContain( '1 = Pas du tout; 2 = A little' );
		expect( text ).toContain( 'comment: Commentaire' );
	} );

	it( 'keeps hostile translations inside the comment, with no parameter or signature', () => {
		const text = preloadText( config(), () => HOSTILE );
		const { comment, rest } = split( text );
		expect( comment ).not.toMatch( /--|\$\d|~~~/ );
		expect( comment ).toContain( '[[Evil]]' );
		// Only the skeleton's own parameters and signature remain.
		expect( text.match( /\$\d/g ) ).toEqual( [ '$1', '$2', '$3' ] );
		expect( rest ).toContain( '~~\x3Cincludeonly>' );
		expect( text.split( '<!--' ) ).toHaveLength( 2 );
	} );
} );

describe( 'commentText', () => {
	it( 'breaks comment ends, parameters and signatures, and keeps one line per message', () => {
		expect( commentText( 'a -- b ---> $1 ~~~~\nc' ) ).toBe( 'a -\u200b- b -\u200b-\u200b-> $\u200b1 ~\u200b~\u200b~\u200b~ c' );
	} );
} );

describe( 'switchTemplateText', () => {
	const english = ( key: string ): string | null => ( {
		'ldwg-nojs-link': 'give feedback',
		'ldwg-form-thread-title': 'Feedback on “$1”',
	} as Record<string, string> )[ key ] ?? null;

	it( 'gives link, thread title and preload page per page language, English by default', () => {
		const ar = ( key: string ): string | null => key === 'ldwg-nojs-link' ? 'أبدِ رأيك' : english( key );
		const text = switchTemplateText( new Map( [ [ 'ar', ar ] ] ), english );
		expect( text ).toContain( '|ar=<span lang="ar" dir="rtl">أبدِ رأيك</span>' );
		expect( text ).toContain( '|#default=<span lang="en" dir="ltr">give feedback</span>' );
		expect( text ).toContain( '|ar=Template:LDWG_section/preload/ar' );
		expect( text ).toContain( '|#default=Template:LDWG_section/preload\n' );
		expect( text ).toContain( '|#default=Feedback+on+%E2%80%9C{{urlencode:{{{2|}}}|QUERY}}%E2%80%9D' );
	} );

	it( 'encodes hostile translations so that they stay one value of the switch', () => {
		const text = switchTemplateText( new Map( [ [ 'fr', () => HOSTILE ] ] ), english );
		const link = /\|fr=<span lang="fr" dir="ltr">([^<]*)<\/span>\n/.exec( text );
		expect( link ).not.toBeNull();
		expect( decodeText( ( link as RegExpExecArray )[ 1 ] as string ) ).toBe( HOSTILE );
		const thread = /\|fr=(x[^\n]*)\n/.exec( text );
		// Percent-encoded around the id: nothing wikitext or HTML reads as syntax.
		expect( ( thread as RegExpExecArray )[ 1 ] ).toMatch( /^[\w%+.-]*\{\{urlencode:\{\{\{2\|\}\}\}\|QUERY\}\}[\w%+.-]*$/ );
	} );
} );

describe( 'noJsPages', () => {
	it( 'makes the switch template and one preload page per language', () => {
		const pages = noJsPages( config(), i18n( {
			en: { 'ldwg-nojs-link': 'give feedback' },
			fr: { 'ldwg-nojs-link': 'donner votre avis' },
			qqq: { 'ldwg-nojs-link': 'doc' },
		} ) );
		expect( pages.map( ( p ) => p.title ) ).toEqual( [
			'Template:LDWG section/i18n',
			'Template:LDWG section/preload',
			'Template:LDWG section/preload/fr',
		] );
	} );

	it( 'covers the repository\'s languages', () => {
		const titles = noJsPages( config(), path.join( path.dirname( new URL( siteFile ).pathname ), '..', '..', 'i18n' ) )
			.map( ( p ) => p.title );
		for ( const code of [ 'fr', 'es', 'ar' ] ) {
			expect( titles ).toContain( `Template:LDWG section/preload/${ code }` );
		}
	} );
} );

describe( 'checkedConfig', () => {
	it( 'accepts the repository\'s configuration', () => {
		expect( checkedConfig( configPages() ).drafts.length ).toBeGreaterThan( 0 );
	} );

	it( 'refuses a configuration the gadget would refuse, naming the problem', () => {
		const pages = configPages().map( ( p ) => p.source.endsWith( 'site.json' ) ?
			{ ...p, text: JSON.stringify( { ...site, stances: [ { id: 'Bad Id', label: 'x' } ] } ) } : p );
		expect( () => checkedConfig( pages ) ).toThrow( /not a valid configuration:[\s\S]*stances/ );
	} );
} );
