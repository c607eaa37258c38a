/**
 * Help for translators: which glossary concepts a source text uses, the approved equivalents in
 * the target language, and a hint when a translation uses none of them. Shown as a panel on
 * `/xx` translation pages and beside each message editor of Special:Translate. Hints only: it
 * never blocks saving.
 *
 * @packageDocumentation
 */
import type { CompiledGlossary } from '../../shared/contracts/glossary.ts';
import { createMatcher } from '../../shared/glossary/matcher.ts';
import { approvedTerms, findConcept, localised } from './glossary-data.ts';
import { setLanguage } from './direction.ts';
import type { Msg } from './render.ts';

/** One concept of a source text, and how the translation treats it. */
export interface ConceptUse {
	conceptId: string;
	/** The term as written in the source language glossary. */
	sourceTerm: string;
	/** Approved term and aliases in the target language (empty: none approved yet). */
	approved: string[];
	/** Whether the translation uses one of `approved`; `null` when nothing is approved. */
	used: boolean | null;
}

/**
 * Removes Translate's markup from a translatable page's wikitext so that only prose is left:
 * unit markers (`<!--T:n-->`), `<translate>` tags, `<languages/>`, other comments and `<tvar>`
 * contents (variables, not prose).
 */
export function stripTranslateMarkup( wikitext: string ): string {
	return wikitext
		.replace( /<tvar\b[^>]*>[\s\S]*?<\/tvar>/gi, ' ' )
		.replace( /<!--[\s\S]*?-->/g, ' ' )
		.replace( /<\/?translate\b[^>]*>/gi, ' ' )
		.replace( /<languages\s*\/?>/gi, ' ' );
}

/** Concepts of `sourceText` (in order of first use) and whether `translation` uses them. */
export function analyseTranslation(
	glossary: CompiledGlossary,
	sourceText: string,
	translation: string,
	targetLanguage: string,
): ConceptUse[] {
	const source = glossary.sourceLanguage;
	const found: string[] = [];
	for ( const m of createMatcher( glossary, source ).match( sourceText ) ) {
		if ( !found.includes( m.conceptId ) ) {
			found.push( m.conceptId );
		}
	}
	const uses: ConceptUse[] = [];
	const pairs: [ string, string ][] = [];
	for ( const id of found ) {
		const concept = findConcept( glossary, id );
		if ( concept ) {
			const approved = approvedTerms( concept, targetLanguage );
			const term = localised( concept, source, 'term', source );
			uses.push( {
				conceptId: id,
				sourceTerm: term ? term.text : id,
				approved,
				used: approved.length ? false : null,
			} );
			approved.forEach( ( t ) => pairs.push( [ t, id ] ) );
		}
	}
	// Only the approved terms of the target language count, never a fallback language's.
	const matches = createMatcher( pairs, targetLanguage ).match( translation );
	const used = new Set( matches.map( ( m ) => m.conceptId ) );
	for ( const use of uses ) {
		if ( use.used !== null ) {
			use.used = used.has( use.conceptId );
		}
	}
	return uses;
}

/** Renders the list of concepts with their equivalents and hints (a table). */
export function renderUses(
	doc: Document,
	uses: ConceptUse[],
	sourceLanguage: string,
	targetLanguage: string,
	msg: Msg,
): HTMLTableElement {
	const table = doc.createElement( 'table' );
	table.className = 'ldwg-glossary-uses';
	const head = table.createTHead().insertRow();
	for ( const key of [ 'ldwg-glossary-translator-source', 'ldwg-glossary-translator-approved', 'ldwg-glossary-translator-check' ] ) {
		const th = doc.createElement( 'th' );
		th.scope = 'col';
		th.textContent = msg( key );
		head.appendChild( th );
	}
	const body = table.createTBody();
	for ( const use of uses ) {
		const row = body.insertRow();
		row.setAttribute( 'data-ldwg-concept', use.conceptId );
		const sourceCell = row.insertCell();
		sourceCell.appendChild( setLanguage( doc.createElement( 'span' ), sourceLanguage ) ).textContent = use.sourceTerm;
		const approvedCell = row.insertCell();
		if ( use.approved.length ) {
			approvedCell.appendChild( setLanguage( doc.createElement( 'span' ), targetLanguage ) ).textContent =
				use.approved.join( `${ msg( 'ldwg-glossary-translator-alias-separator' ) } ` );
		} else {
			approvedCell.textContent = msg( 'ldwg-glossary-translator-none-approved' );
		}
		const check = row.insertCell();
		if ( use.used === false ) {
			check.className = 'ldwg-glossary-hint';
			check.textContent = msg( 'ldwg-glossary-translator-not-used' );
		} else if ( use.used ) {
			check.textContent = msg( 'ldwg-glossary-translator-used' );
		}
	}
	return table;
}

/** Text of `root` written in `language` (Translate's untranslated units carry another `lang`). */
export function textInLanguage( root: Element, language: string ): string {
	const parts: string[] = [];
	const walker = root.ownerDocument.createTreeWalker( root, 4 /* SHOW_TEXT */ );
	for ( let node = walker.nextNode(); node; node = walker.nextNode() ) {
		const owner = node.parentElement && node.parentElement.closest( '[lang]' );
		const lang = owner ? ( owner.getAttribute( 'lang' ) || '' ).toLowerCase() : language;
		if ( lang === language ) {
			parts.push( ( node as Text ).data );
		}
	}
	return parts.join( ' ' );
}

/** Number of concepts the translation uses none of the approved terms of. */
export function hintCount( uses: ConceptUse[] ): number {
	return uses.filter( ( u ) => u.used === false ).length;
}
