/**
 * Compiles the glossary source pages (the source page and its Translate translations) into
 * the one JSON document the bot publishes ({@link CompiledGlossary}).
 *
 * Whatever is wrong is reported with its page and line and left out of the output: a concept
 * whose source block is broken is not published at all, a translation entry that is broken is
 * not published for that language (readers then fall back to another language). Text that
 * Translate left untranslated is not taken as that language's text, and an outdated (fuzzy)
 * term is kept for display but never used for marking.
 *
 * @packageDocumentation
 */
import {
	CONCEPT_STATUSES,
	CONCEPT_TYPES,
	validateGlossary,
	type CompiledGlossary,
	type ConceptStatus,
	type ConceptType,
	type GlossaryConcept,
	type GlossaryEntry,
} from '../contracts/glossary.ts';
import { ID_PATTERN, isLanguageCode } from '../contracts/common.ts';
import { foldText, normalizeLanguage, unicodeRegExp } from './language.ts';
import {
	DEFAULT_TEMPLATE,
	parseGlossaryPage,
	splitList,
	wikitextToPlain,
	type SourceBlock,
	type SourceField,
} from './source.ts';

/** One glossary page as read from the wiki. */
export interface GlossaryPage {
	/** Page title, used in problem reports (`Leadership Development Working Group/Glossary/fr`). */
	title: string;
	/** The page's language (its page language on the wiki). */
	language: string;
	/** Current wikitext. */
	text: string;
}

/** Options for {@link compileGlossary}. */
export interface CompileOptions {
	/** Language of the source page (default `en`). */
	sourceLanguage?: string;
	/** Timestamp to record as `generated` (default: now). */
	generated?: string;
	/** Name of the entry template (default `LDWG glossary entry`). */
	templateName?: string;
}

/** How serious a problem is: errors keep something out of the output. */
export type ProblemSeverity = 'error' | 'warning' | 'info';

/** Kinds of problem the compiler reports (stable codes for tools and tests). */
export type GlossaryProblemCode =
	| 'no-source-page'
	| 'duplicate-page'
	| 'source-copy'
	| 'bad-language'
	| 'unclosed-template'
	| 'missing-id'
	| 'bad-id'
	| 'duplicate-id'
	| 'unknown-type'
	| 'unknown-status'
	| 'empty-term'
	| 'term-too-long'
	| 'duplicate-term'
	| 'missing-definition'
	| 'text-too-long'
	| 'unknown-parameter'
	| 'unknown-related'
	| 'not-marked-for-translation'
	| 'translate-nowrap'
	| 'unknown-concept'
	| 'missing'
	| 'outdated'
	| 'invalid-output';

/** One problem found while compiling, located by page and line. */
export interface GlossaryProblem {
	/** Title of the page. */
	page: string;
	/** Line (1-based) of the offending block or parameter; 0 for the page as a whole. */
	line: number;
	/** Language of the page. */
	language: string;
	/** `error`: left out; `warning`: published but should be fixed; `info`: work to do. */
	severity: ProblemSeverity;
	/** Stable code. */
	code: GlossaryProblemCode;
	/** Concept concerned, when known. */
	conceptId?: string;
	/** English explanation for editors. */
	message: string;
}

/** Result of {@link compileGlossary}. */
export interface CompileResult {
	/** The glossary, with everything that had errors left out. */
	glossary: CompiledGlossary;
	/** Every problem, in page order (source page first). */
	problems: GlossaryProblem[];
}

const KNOWN_FIELDS = new Set( [ 'id', 'type', 'status', 'term', 'aliases', 'definition', 'notes', 'related' ] );
const TRANSLATABLE_FIELDS = [ 'term', 'aliases', 'definition', 'notes' ];
// Same limits as the contract's validator, so a compiled glossary always validates.
const MAX_TERM = 200;
const MAX_TEXT = 5000;
const MAX_ALIASES = 50;
/** A character that shows: neither white space nor a format character (joiners, marks, `shy`). */
const VISIBLE = unicodeRegExp( '[^\\s\\p{Cf}]', 'u' );

/** Whether `text` has a character that shows (an alias of only `&zwj;` is dropped as empty). */
function isVisible( text: string ): boolean {
	return VISIBLE.test( text );
}

function nowTimestamp(): string {
	return new Date().toISOString().replace( /\.\d{3}Z$/, 'Z' );
}

/** Per-language bookkeeping of folded terms already taken, for duplicate detection. */
type TakenTerms = Map<string, { conceptId: string; line: number }>;

/**
 * Compiles glossary pages into a {@link CompiledGlossary} and a list of problems. The source
 * page is the one whose `language` is the source language; every other page is a translation.
 * Never throws: a page it cannot read is a problem, not an exception.
 */
export function compileGlossary(
	pages: readonly GlossaryPage[],
	options: CompileOptions = {},
): CompileResult {
	const sourceLanguage = normalizeLanguage( options.sourceLanguage ?? 'en' );
	const templateName = options.templateName ?? DEFAULT_TEMPLATE;
	const problems: GlossaryProblem[] = [];
	const glossary: CompiledGlossary = {
		version: 1,
		generated: options.generated ?? nowTimestamp(),
		sourceLanguage,
		languages: [ sourceLanguage ],
		concepts: [],
	};

	// Source page first, then translations by language, so reports read in a stable order.
	const byLanguage = new Map<string, GlossaryPage>();
	const readable = ( Array.isArray( pages ) ? pages : [] ).filter( ( page ) => !!page &&
		typeof page.text === 'string' && typeof page.language === 'string' );
	// Titles of the pages in the source language.
	const sourceTitles = new Set( readable
		.filter( ( page ) => normalizeLanguage( page.language ) === sourceLanguage )
		.map( ( page ) => String( page.title ) ) );
	for ( const page of readable ) {
		const title = String( page.title );
		const language = normalizeLanguage( page.language );
		const report = ( code: GlossaryProblemCode, message: string ): void => {
			problems.push( { page: title, line: 0, language, severity: 'error', code, message } );
		};
		const suffix = `/${ sourceLanguage }`;
		const original = title.slice( 0, -suffix.length );
		if ( language === sourceLanguage && title.endsWith( suffix ) &&
			sourceTitles.has( original ) ) {
			// Translate keeps the source page's text in the source language as `<page>/en`, a
			// rendering without its markup: the source page itself is the one to read.
			problems.push( { page: title, line: 0, language, severity: 'info', code: 'source-copy',
				message: `Translate's copy of ${ original } in its own language; ${ original } is read` } );
		} else if ( !isLanguageCode( language ) ) {
			report( 'bad-language', `"${ page.language }" is not a language code; page ignored` );
		} else if ( byLanguage.has( language ) ) {
			report( 'duplicate-page', `another page (${ byLanguage.get( language )?.title }) is already the ${ language } glossary; page ignored` );
		} else {
			byLanguage.set( language, { title, language, text: page.text } );
		}
	}
	const source = byLanguage.get( sourceLanguage );
	if ( !source ) {
		problems.push( {
			page: '',
			line: 0,
			language: sourceLanguage,
			severity: 'error',
			code: 'no-source-page',
			message: `no glossary page in the source language (${ sourceLanguage })`,
		} );
		return { glossary, problems };
	}

	try {
		const concepts = compileSource( source, templateName, problems );
		const translations = [ ...byLanguage.values() ]
			.filter( ( p ) => p.language !== sourceLanguage )
			.sort( ( a, b ) => a.language < b.language ? -1 : 1 );
		for ( const page of translations ) {
			compileTranslation( page, concepts, templateName, problems );
			glossary.languages.push( page.language );
		}
		glossary.concepts = concepts;
	} catch ( e ) {
		// A compiler bug must not stop the bot run: report it and publish nothing new.
		reporter( source, problems )( 'error', 'invalid-output', 0, `compiler error: ${ String( e ) }` );
		glossary.concepts = [];
		return { glossary, problems };
	}

	// Safety net: what we publish must pass the readers' validator.
	const check = validateGlossary( glossary );
	if ( !check.ok ) {
		const report = reporter( source, problems );
		for ( const p of check.problems ) {
			report( 'error', 'invalid-output', 0, `compiled glossary is invalid at ${ p.path }: ${ p.message }` );
		}
	}
	return { glossary, problems };
}

type Reporter = (
	severity: ProblemSeverity,
	code: GlossaryProblemCode,
	line: number,
	message: string,
	conceptId?: string,
) => void;

function reporter( page: GlossaryPage, problems: GlossaryProblem[] ): Reporter {
	return ( severity, code, line, message, conceptId ) => {
		const problem: GlossaryProblem = {
			page: page.title,
			line,
			language: page.language,
			severity,
			code,
			message,
		};
		if ( conceptId !== undefined ) {
			problem.conceptId = conceptId;
		}
		problems.push( problem );
	};
}

function readPage(
	page: GlossaryPage,
	isSource: boolean,
	templateName: string,
	report: Reporter,
): SourceBlock[] {
	const parsed = parseGlossaryPage( page.text, page.language, isSource, templateName );
	for ( const line of parsed.unclosed ) {
		report( 'error', 'unclosed-template', line, `the {{${ templateName }}} call never closes (missing "}}"); the rest of the page is ignored` );
	}
	// Translation pages repeat the source's parameters: report their mistakes once, on the source.
	for ( const block of isSource ? parsed.blocks : [] ) {
		const id = block.fields.id?.value;
		for ( const stray of block.stray ) {
			report( 'warning', 'unknown-parameter', stray.line, stray.name ?
				`parameter "${ stray.name }" is given twice; the first one is used` :
				'parameter without a name (missing "name=") is ignored', id );
		}
		for ( const key of Object.keys( block.fields ) ) {
			if ( !KNOWN_FIELDS.has( key ) ) {
				report( 'warning', 'unknown-parameter', ( block.fields[ key ] as SourceField ).line,
					`unknown parameter "${ key }" is ignored (known: ${ [ ...KNOWN_FIELDS ].join( ', ' ) })`, id );
			}
		}
	}
	return parsed.blocks;
}

/**
 * Checks a language's term and aliases against the terms already taken in that language.
 * Returns the aliases to keep, or `null` when the term itself is taken (the entry is dropped).
 */
function claimTerms(
	term: string,
	aliases: string[],
	conceptId: string,
	field: { term: number; aliases: number },
	language: string,
	taken: TakenTerms,
	report: Reporter,
): string[] | null {
	const key = foldText( term, language );
	const first = taken.get( key );
	if ( first ) {
		report( 'error', 'duplicate-term', field.term, `term "${ term }" is already the term or an alias of "${ first.conceptId }" (line ${ first.line }); this entry is left out`, conceptId );
		return null;
	}
	const keys = new Set<string>( [ key ] );
	const kept: string[] = [];
	for ( const alias of aliases ) {
		const aliasKey = foldText( alias, language );
		if ( keys.has( aliasKey ) ) {
			// The same spelling twice in one entry is harmless: keep one.
			continue;
		}
		const other = taken.get( aliasKey );
		if ( other ) {
			report( 'error', 'duplicate-term', field.aliases, `alias "${ alias }" is already the term or an alias of "${ other.conceptId }" (line ${ other.line }); the alias is left out`, conceptId );
			continue;
		}
		keys.add( aliasKey );
		kept.push( alias );
	}
	taken.set( key, { conceptId, line: field.term } );
	for ( const alias of kept ) {
		taken.set( foldText( alias, language ), { conceptId, line: field.aliases } );
	}
	return kept;
}

function checkTerm(
	term: string,
	line: number,
	id: string,
	report: Reporter,
): boolean {
	// Invisible characters alone (`&zwj;`, `&shy;`, `&lrm;`) are no term either.
	if ( !isVisible( term ) ) {
		report( 'error', 'empty-term', line, 'the term is empty', id );
		return false;
	}
	if ( term.length > MAX_TERM ) {
		report( 'error', 'term-too-long', line, `the term is longer than ${ MAX_TERM } characters`, id );
		return false;
	}
	return true;
}

function checkAliases( aliases: string[], line: number, id: string, report: Reporter ): string[] {
	const ok = aliases.filter( ( a ) => {
		if ( a.length > MAX_TERM ) {
			report( 'error', 'term-too-long', line, `alias "${ a.slice( 0, 40 ) }…" is longer than ${ MAX_TERM } characters and is left out`, id );
			return false;
		}
		return true;
	} );
	if ( ok.length > MAX_ALIASES ) {
		report( 'error', 'text-too-long', line, `more than ${ MAX_ALIASES } aliases; only the first ${ MAX_ALIASES } are kept`, id );
		return ok.slice( 0, MAX_ALIASES );
	}
	return ok;
}

function checkText(
	text: string,
	line: number,
	what: string,
	id: string,
	report: Reporter,
): boolean {
	if ( text.length > MAX_TEXT ) {
		report( 'error', 'text-too-long', line, `the ${ what } is longer than ${ MAX_TEXT } characters`, id );
		return false;
	}
	return true;
}

function cleanTerm( value: string ): string {
	return wikitextToPlain( value ).normalize( 'NFC' );
}

function compileSource(
	page: GlossaryPage,
	templateName: string,
	problems: GlossaryProblem[],
): GlossaryConcept[] {
	const report = reporter( page, problems );
	const blocks = readPage( page, true, templateName, report );
	const concepts: GlossaryConcept[] = [];
	const lines = new Map<string, number>();
	const related = new Map<string, { ids: string[]; line: number }>();
	const taken: TakenTerms = new Map();
	for ( const block of blocks ) {
		const f = block.fields;
		const idField = f.id;
		if ( !idField || idField.value === '' ) {
			report( 'error', 'missing-id', block.line, 'the entry has no id (id=…); it is left out' );
			continue;
		}
		const id = idField.value;
		if ( !ID_PATTERN.test( id ) || id.length > 64 ) {
			report( 'error', 'bad-id', idField.line, `id "${ id }" must be lower-case letters, digits and single hyphens (e.g. good-leadership); the entry is left out` );
			continue;
		}
		if ( lines.has( id ) ) {
			report( 'error', 'duplicate-id', idField.line, `id "${ id }" is already used on line ${ lines.get( id ) }; this entry is left out`, id );
			continue;
		}
		lines.set( id, block.line );
		for ( const name of TRANSLATABLE_FIELDS ) {
			const field = f[ name ];
			if ( field && field.value !== '' && !field.marked ) {
				report( 'warning', 'not-marked-for-translation', field.line, `"${ name }" is not inside <translate>: translators cannot translate it`, id );
			} else if ( field && field.nowrap ) {
				// Without Translate's wrappers, the source text of an untranslated unit reads as
				// the language's own text (an English term published as the French one) and an
				// outdated translation as a current one.
				report( 'warning', 'translate-nowrap', field.line, `"${ name }" uses <translate nowrap>: Translate then does not mark untranslated or outdated units on translation pages, so they would be taken as translations; use <translate>`, id );
			}
		}
		let ok = true;
		const type = ( f.type?.value ?? '' ).toLowerCase();
		if ( !( CONCEPT_TYPES as readonly string[] ).includes( type ) ) {
			report( 'error', 'unknown-type', f.type?.line ?? block.line, `type "${ f.type?.value ?? '' }" is not one of ${ CONCEPT_TYPES.join( ', ' ) }; the entry is left out`, id );
			ok = false;
		}
		const status = ( f.status?.value || 'proposed' ).toLowerCase();
		if ( !( CONCEPT_STATUSES as readonly string[] ).includes( status ) ) {
			report( 'error', 'unknown-status', f.status?.line ?? block.line, `status "${ f.status?.value ?? '' }" is not one of ${ CONCEPT_STATUSES.join( ', ' ) }; the entry is left out`, id );
			ok = false;
		}
		const term = cleanTerm( f.term?.value ?? '' );
		const termLine = f.term?.line ?? block.line;
		if ( !checkTerm( term, termLine, id, report ) ) {
			ok = false;
		}
		const definition = wikitextToPlain( f.definition?.value ?? '' );
		const definitionLine = f.definition?.line ?? block.line;
		if ( definition === '' ) {
			report( 'error', 'missing-definition', definitionLine, 'the definition is missing or empty; the entry is left out', id );
			ok = false;
		} else if ( !checkText( definition, definitionLine, 'definition', id, report ) ) {
			ok = false;
		}
		const notes = wikitextToPlain( f.notes?.value ?? '' );
		if ( notes !== '' && !checkText( notes, f.notes?.line ?? block.line, 'notes', id, report ) ) {
			ok = false;
		}
		if ( !ok ) {
			continue;
		}
		const aliasesLine = f.aliases?.line ?? termLine;
		const aliases = claimTerms( term,
			checkAliases( splitList( f.aliases?.value ?? '' ).map( cleanTerm ).filter( isVisible ), aliasesLine, id, report ),
			id, { term: termLine, aliases: aliasesLine }, page.language, taken, report );
		if ( !aliases ) {
			continue;
		}
		const entry: GlossaryEntry = { term, aliases, definition };
		if ( notes !== '' ) {
			entry.notes = notes;
		}
		related.set( id, {
			ids: ( f.related?.value ?? '' ).split( /[;,]/ ).map( ( r ) => r.trim().toLowerCase() ).filter( Boolean ),
			line: f.related?.line ?? block.line,
		} );
		concepts.push( {
			id,
			type: type as ConceptType,
			status: status as ConceptStatus,
			related: [],
			entries: { [ page.language ]: entry },
		} );
	}
	// Related ids are resolved once all concepts are known (they may point forward).
	const published = new Set( concepts.map( ( c ) => c.id ) );
	for ( const concept of concepts ) {
		const rel = related.get( concept.id );
		for ( const other of rel?.ids ?? [] ) {
			if ( other === concept.id || concept.related.includes( other ) ) {
				continue;
			}
			if ( published.has( other ) ) {
				concept.related.push( other );
			} else {
				report( 'warning', 'unknown-related', rel?.line ?? 0, `related concept "${ other }" is not in the glossary (or was left out); the link is dropped`, concept.id );
			}
		}
	}
	return concepts;
}

function compileTranslation(
	page: GlossaryPage,
	concepts: GlossaryConcept[],
	templateName: string,
	problems: GlossaryProblem[],
): void {
	const report = reporter( page, problems );
	const blocks = readPage( page, false, templateName, report );
	const byId = new Map( concepts.map( ( c ) => [ c.id, c ] ) );
	const seen = new Map<string, number>();
	const taken: TakenTerms = new Map();
	const lang = page.language;
	for ( const block of blocks ) {
		const f = block.fields;
		const id = f.id?.value ?? '';
		const concept = byId.get( id );
		if ( !concept ) {
			// Concepts left out of the source (with errors there) land here too: one report is
			// enough, on the source page, so only truly unknown ids are reported again.
			if ( id === '' ) {
				report( 'warning', 'missing-id', block.line, 'the entry has no id (id=…); it is ignored' );
			} else if ( !ID_PATTERN.test( id ) ) {
				report( 'warning', 'bad-id', f.id?.line ?? block.line, `id "${ id }" is not a valid id; the entry is ignored` );
			} else {
				report( 'info', 'unknown-concept', f.id?.line ?? block.line, `concept "${ id }" is not published from the source page; the entry is ignored`, id );
			}
			continue;
		}
		if ( seen.has( id ) ) {
			report( 'error', 'duplicate-id', f.id?.line ?? block.line, `id "${ id }" is already used on line ${ seen.get( id ) }; this entry is ignored`, id );
			continue;
		}
		seen.set( id, block.line );

		const missing: string[] = [];
		const outdated: string[] = [];
		const note = ( name: string, field: SourceField | undefined ): void => {
			if ( field?.state === 'untranslated' ) {
				missing.push( name );
			} else if ( field?.state === 'outdated' ) {
				outdated.push( name );
			}
		};
		for ( const name of TRANSLATABLE_FIELDS ) {
			note( name, f[ name ] );
		}
		const termField = f.term;
		const termLine = termField?.line ?? block.line;
		const termUntranslated = !termField || termField.state === 'untranslated';
		const term = termUntranslated ? '' : cleanTerm( termField.value );
		if ( !termField ) {
			missing.push( 'term' );
		}
		if ( !termUntranslated && !checkTerm( term, termLine, id, report ) ) {
			continue;
		}
		const definitionField = f.definition;
		const definitionLine = definitionField?.line ?? block.line;
		let definition = '';
		if ( definitionField && definitionField.state !== 'untranslated' ) {
			definition = wikitextToPlain( definitionField.value );
			if ( definition === '' ) {
				report( 'error', 'missing-definition', definitionLine, 'the definition is translated as empty text; the entry is left out', id );
				continue;
			}
			if ( !checkText( definition, definitionLine, 'definition', id, report ) ) {
				continue;
			}
		} else if ( !definitionField ) {
			missing.push( 'definition' );
		}
		const notesField = f.notes;
		const notes = notesField && notesField.state !== 'untranslated' ? wikitextToPlain( notesField.value ) : '';
		if ( notes !== '' && !checkText( notes, notesField?.line ?? block.line, 'notes', id, report ) ) {
			continue;
		}
		// Untranslated or outdated aliases are not this language's words: they are left out.
		const aliasesField = f.aliases;
		const aliasesLine = aliasesField?.line ?? termLine;
		let aliases = aliasesField && aliasesField.state === 'current' ?
			checkAliases( splitList( aliasesField.value ).map( cleanTerm ).filter( isVisible ),
				aliasesLine, id, report ) :
			[];
		if ( term !== '' ) {
			const kept = claimTerms( term, aliases, id, { term: termLine, aliases: aliasesLine },
				lang, taken, report );
			if ( !kept ) {
				continue;
			}
			aliases = kept;
		} else {
			aliases = [];
		}

		const entry: GlossaryEntry = { term, aliases, definition };
		if ( notes !== '' ) {
			entry.notes = notes;
		}
		if ( missing.length ) {
			entry.status = 'missing';
			report( 'info', 'missing', termUntranslated ? termLine : block.line, `not translated yet: ${ missing.join( ', ' ) }`, id );
		} else if ( outdated.length ) {
			entry.status = 'outdated';
		}
		if ( outdated.length ) {
			report( 'info', 'outdated', block.line, `translation outdated (source changed): ${ outdated.join( ', ' ) }`, id );
		}
		if ( termField?.state === 'outdated' && entry.term !== '' ) {
			entry.termOutdated = true;
		}
		concept.entries[ lang ] = entry;
	}
	for ( const concept of concepts ) {
		if ( !seen.has( concept.id ) ) {
			report( 'info', 'missing', 0, `concept "${ concept.id }" has no block on this page (the translation page is older than the source?)`, concept.id );
		}
	}
}
