/**
 * The form's pure state: initial values, validation (required fields, limits), the entry built
 * from the values, and restoring a stored draft.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../../../shared/contracts/config.ts';
import { formatEntry } from '../../../shared/entry/format.ts';
import { parseEntries } from '../../../shared/entry/parse.ts';
import {
	buildEntry,
	chooseLanguage,
	hasContent,
	initialValues,
	NO_OPINION,
	REGION_UNSAID,
	restoreValues,
	settingsFromConfig,
	validate,
	type FormSettings,
	type FormValues,
} from '../../../gadget/form/state.ts';

const root = path.resolve( path.dirname( fileURLToPath( import.meta.url ) ), '../../..' );
const site: unknown = JSON.parse( readFileSync(
	path.join( root, 'test/fixtures/contracts/config-site.valid.json' ), 'utf8' ) );

function settings(): FormSettings {
	const parsed = parseConfig( site );
	if ( !parsed.ok ) {
		throw new Error( JSON.stringify( parsed.problems ) );
	}
	return settingsFromConfig( parsed.value );
}

const context = {
	id: '20261129-142233-k3f9q2',
	sectionId: 'leader',
	viewedTitle: 'Leadership Development Working Group/Shared definition of leadership/ar',
	sourceTitle: 'Leadership Development Working Group/Shared definition of leadership',
	revisionId: 77,
};

describe( 'initial values', () => {
	it( 'start with no stance, every rubric question at "no opinion", region unsaid, page language', () => {
		const s = settings();
		const v = initialValues( s, 'ar' );
		expect( v.stance ).toBeNull();
		expect( Object.values( v.rubric ) ).toEqual( s.questions.map( () => NO_OPINION ) );
		expect( v.region ).toBe( REGION_UNSAID );
		expect( v.language ).toBe( 'ar' );
		expect( hasContent( v ) ).toBe( false );
	} );

	it( 'use the remembered region and language when the configuration still offers them', () => {
		const s = settings();
		const region = s.regions[ 1 ]?.id ?? '';
		expect( initialValues( s, 'en', { region, language: 'fr' } ) ).toMatchObject( { region, language: 'fr' } );
		expect( initialValues( s, 'en', { region: 'atlantis', language: 'tlh' } ) )
			.toMatchObject( { region: REGION_UNSAID, language: 'en' } );
	} );

	it( 'fall back from a regional variant to its base language', () => {
		expect( chooseLanguage( settings(), 'fr-ca' ) ).toBe( 'fr' );
	} );

	it( 'leave rubric questions unanswered when the configuration offers no "no opinion"', () => {
		const s = { ...settings(), noOpinion: false };
		const v = initialValues( s, 'en' );
		expect( Object.values( v.rubric ).every( ( a ) => a === null ) ).toBe( true );
		const errors = validate( s, { ...v, stance: 'support' } );
		expect( errors.map( ( e ) => e.field ) ).toEqual( s.questions.map( ( q ) => `rubric-${ q.id }` ) );
		expect( errors[ 0 ]?.key ).toBe( 'ldwg-form-error-rubric-required' );
	} );
} );

describe( 'validation', () => {
	const base = (): FormValues => initialValues( settings(), 'en' );

	it( 'requires a stance', () => {
		expect( validate( settings(), base() ) ).toEqual( [
			{ field: 'stance', key: 'ldwg-form-error-stance-required', params: [] },
		] );
		expect( validate( settings(), { ...base(), stance: 'support' } ) ).toEqual( [] );
		expect( validate( settings(), { ...base(), stance: 'made-up' } )[ 0 ]?.field ).toBe( 'stance' );
	} );

	it( 'requires a comment or a wording when the stance asks for changes', () => {
		const v = { ...base(), stance: 'support-with-changes' };
		expect( validate( settings(), v ).map( ( e ) => e.key ) ).toEqual( [ 'ldwg-form-error-changes-need-text' ] );
		expect( validate( settings(), { ...v, comment: '   \n ' } ) ).toHaveLength( 1 );
		expect( validate( settings(), { ...v, comment: 'Shorter, please.' } ) ).toEqual( [] );
		expect( validate( settings(), { ...v, wording: 'A leader is…' } ) ).toEqual( [] );
	} );

	it( 'checks length limits in characters (code points), saying how much to remove', () => {
		const s = { ...settings(), commentMaxLength: 5, wordingMaxLength: 3 };
		const v = { ...base(), stance: 'support-with-changes' };
		// Five astral characters are ten UTF-16 code units but five characters.
		expect( validate( s, { ...v, comment: '😀😀😀😀😀' } ) ).toEqual( [] );
		expect( validate( s, { ...v, comment: 'abcdefg' } ) ).toEqual( [
			{ field: 'comment', key: 'ldwg-form-error-too-long', params: [ 5, 2 ] },
		] );
		expect( validate( s, { ...v, comment: 'ok', wording: 'abcd' } ) ).toEqual( [
			{ field: 'wording', key: 'ldwg-form-error-too-long', params: [ 3, 1 ] },
		] );
		// The wording is not checked (nor saved) when the stance does not ask for changes.
		expect( validate( s, { ...v, stance: 'support', wording: 'abcd' } ) ).toEqual( [] );
	} );

	it( 'refuses rubric answers off the scale and unknown regions or languages', () => {
		const v = { ...base(), stance: 'support' };
		const q = settings().questions[ 0 ]?.id ?? '';
		expect( validate( settings(), { ...v, rubric: { ...v.rubric, [ q ]: 9 } } )[ 0 ]?.field ).toBe( `rubric-${ q }` );
		expect( validate( settings(), { ...v, region: 'atlantis' } )[ 0 ]?.field ).toBe( 'region' );
		expect( validate( settings(), { ...v, language: 'tlh' } )[ 0 ]?.field ).toBe( 'language' );
	} );

	it( 'lists problems in the visual order of the fields', () => {
		const s = { ...settings(), commentMaxLength: 1 };
		const errors = validate( s, { ...base(), comment: 'too long', region: 'atlantis' } );
		expect( errors.map( ( e ) => e.field ) ).toEqual( [ 'stance', 'comment', 'region' ] );
	} );
} );

describe( 'the entry', () => {
	it( 'records page viewed, source, revision, language and answers, and round-trips through the codec', () => {
		const s = settings();
		const q = s.questions.map( ( x ) => x.id );
		const values: FormValues = {
			...initialValues( s, 'ar' ),
			stance: 'support-with-changes',
			rubric: { [ q[ 0 ] ?? '' ]: 4, [ q[ 1 ] ?? '' ]: NO_OPINION, [ q[ 2 ] ?? '' ]: 2 },
			comment: '  {{subst:evil}} <script>alert(1)</script> ~~~~ [[Category:X]]\n== heading ==  ',
			wording: 'Un leader est…',
			region: s.regions[ 0 ]?.id ?? '',
		};
		expect( validate( s, values ) ).toEqual( [] );
		const entry = buildEntry( s, values, context );
		expect( entry ).toMatchObject( {
			version: 1, id: context.id, page: context.viewedTitle, source: context.sourceTitle,
			section: 'leader', rev: 77, stance: 'support-with-changes', lang: 'ar',
			region: s.regions[ 0 ]?.id, wording: 'Un leader est…',
		} );
		// Only the ends are trimmed: the text is otherwise kept exactly.
		expect( entry.comment ).toBe( '{{subst:evil}} <script>alert(1)</script> ~~~~ [[Category:X]]\n== heading ==' );
		const wikitext = formatEntry( entry );
		expect( wikitext ).not.toContain( '\n' );
		const parsed = parseEntries( `${ wikitext } ~~~~` );
		expect( parsed.entries ).toHaveLength( 1 );
		expect( parsed.entries[ 0 ]?.entry ).toMatchObject( {
			comment: entry.comment, wording: entry.wording, rubric: entry.rubric, lang: 'ar', rev: 77,
		} );
	} );

	it( 'drops the wording when the stance no longer asks for changes, and leaves out "prefer not to say"', () => {
		const s = settings();
		const entry = buildEntry( s, { ...initialValues( s, 'en' ), stance: 'oppose', wording: 'typed earlier' }, context );
		expect( entry.wording ).toBeUndefined();
		expect( entry.region ).toBeUndefined();
		expect( entry.comment ).toBeUndefined();
	} );
} );

describe( 'restoring a stored draft', () => {
	it( 'keeps what still fits the configuration and drops the rest', () => {
		const s = settings();
		const base = initialValues( s, 'en' );
		const q = s.questions[ 0 ]?.id ?? '';
		const restored = restoreValues( s, base, {
			stance: 'oppose', comment: 'kept', wording: 'kept too', region: 'atlantis', language: 'fr',
			rubric: { [ q ]: 3, unknown: 2 },
		} );
		expect( restored ).toMatchObject( { stance: 'oppose', comment: 'kept', wording: 'kept too',
			region: REGION_UNSAID, language: 'fr' } );
		expect( restored.rubric[ q ] ).toBe( 3 );
		expect( restored.rubric ).not.toHaveProperty( 'unknown' );
		expect( restoreValues( s, base, 'garbage' ) ).toEqual( base );
		expect( restoreValues( s, base, { stance: 'made-up', rubric: { [ q ]: 99 } } ) ).toEqual( base );
	} );
} );
