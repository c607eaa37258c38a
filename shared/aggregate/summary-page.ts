/**
 * Wikitext of the summary page the working group reads. Every piece of text that comes from a
 * user, the configuration or a translation goes through {@link escapeInline}; only the page's
 * own fixed markup is written raw.
 *
 * @packageDocumentation
 */
import { sectionAnchor } from '../contracts/summary.ts';
import { escapeInline, excerpt } from './escape.ts';
import type { AggregateConfig, FlaggedItem, SectionSummary, SummaryData } from './summarize.ts';

/** Options for {@link renderSummaryPage}. */
export interface SummaryPageOptions {
	/** "Data as of" timestamp (the newest revision read). */
	asOf: string;
	/** Width of the stance bars in characters. */
	barWidth?: number;
}

const FLAG_TEXT: Record<string, string> = {
	forged: 'signature names someone else',
	editedByOthers: 'edited by someone other than its author',
	removed: 'removed by someone other than its author',
	withdrawn: 'withdrawn by its author',
	archived: 'archived',
	statusByNonMember: 'status set by a non-member (ignored)',
	uncertain: 'author uncertain (revision-deleted history)',
};

function who( name: string | null, anon = false ): string {
	if ( name === null ) {
		return '(hidden)';
	}
	return escapeInline( anon ? `${ name } (not logged in)` : name );
}

/**
 * A revision timestamp as `YYYY-MM-DD HH:MM UTC`. Timestamps come from the API in a fixed
 * format, checked here, so they are written as they are; anything else is escaped like user text.
 */
export function formatTime( timestamp: string ): string {
	const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}):\d{2}(?:\.\d+)?Z$/.exec( timestamp );
	return m ? `${ m[ 1 ] } ${ m[ 2 ] } UTC` : escapeInline( timestamp );
}

/** A bar of full blocks proportional to `n / max`, at least one block for a non-zero count. */
export function bar( n: number, max: number, width: number ): string {
	if ( n <= 0 || max <= 0 ) {
		return '';
	}
	return '█'.repeat( Math.max( 1, Math.round( n / max * width ) ) );
}

function labelOf( list: { id: string; label: string }[], id: string ): string {
	const found = list.find( ( x ) => x.id === id );
	return found ? found.label : id;
}

function renderSection(
	config: AggregateConfig,
	draftId: string,
	s: SectionSummary,
	width: number,
): string[] {
	const out: string[] = [];
	// The anchor the gadget's counts link to is in the heading: on a line of its own below it,
	// the link scrolled the heading out of view and the reader saw figures without their section.
	out.push( `=== <span id="${ sectionAnchor( draftId, s.id ) }"></span>${ escapeInline( s.label ) } ===` );
	out.push( '{| class="wikitable"' );
	out.push( '! Entries !! Contributors !! Open !! Accepted !! Declined !! Withdrawn' );
	out.push( '|-' );
	out.push( `| ${ s.entries } || ${ s.contributors } || ${ s.status.open } || ${ s.status.accepted } || ${ s.status.declined } || ${ s.status.withdrawn }` );
	out.push( '|}' );
	const max = Math.max( 0, ...Object.values( s.stances ) );
	out.push( "'''Stances'''" );
	out.push( '{| class="wikitable"' );
	out.push( '! Stance !! Entries !! Spread' );
	for ( const [ id, n ] of Object.entries( s.stances ) ) {
		out.push( '|-' );
		const label = id === '' ? '(no stance)' : labelOf( config.stances, id );
		out.push( `| ${ escapeInline( label ) } || ${ n } || ${ bar( n, max, width ) }` );
	}
	out.push( '|}' );
	if ( config.rubric.questions.length ) {
		out.push( "'''Rubric'''" );
		out.push( '{| class="wikitable"' );
		out.push( '! Question !! Answers !! No opinion !! Mean' );
		for ( const q of config.rubric.questions ) {
			const r = s.rubric[ q.id ];
			const answers = r ? Object.values( r.scores ).reduce( ( a, b ) => a + b, 0 ) : 0;
			out.push( '|-' );
			out.push( `| ${ escapeInline( q.label ) } || ${ answers } || ${ r ? r.noOpinion : 0 } || ${ r && r.mean !== null ? r.mean.toFixed( 2 ) : '–' }` );
		}
		out.push( '|}' );
	}
	const regions = Object.entries( s.regions ).map( ( [ id, n ] ) => `${ escapeInline( id === 'other' ? 'other' : labelOf( config.regions, id ) ) } (${ n })` );
	out.push( `* Regions heard: ${ regions.length ? regions.join( ', ' ) : 'none yet' }` );
	const langs = Object.entries( s.languages ).map( ( [ l, n ] ) => `${ escapeInline( l ) } (${ n })` );
	out.push( `* Languages: ${ langs.length ? langs.join( ', ' ) : 'none yet' }` );
	for ( const id of s.missingRegions ) {
		out.push( `* ⚠ No feedback yet from ${ escapeInline( labelOf( config.regions, id ) ) }.` );
	}
	if ( s.open.length ) {
		out.push( "'''Open entries, oldest first'''" );
		for ( const o of s.open ) {
			const stance = o.stance ? labelOf( config.stances, o.stance ) : '(no stance)';
			out.push( `# ${ formatTime( o.timestamp ) } — ${ who( o.author, o.anon ) } — ${ escapeInline( stance ) } — ${ escapeInline( excerpt( o.comment, 200 ) ) } <small>(${ escapeInline( o.id ) })</small>` );
		}
	}
	return out;
}

function flagDetails( f: FlaggedItem ): string {
	const parts: string[] = [];
	// The fixed phrases are ours; only names and comments need escaping.
	const name = ( n: string | null ): string => ( n === null ? '(hidden)' : escapeInline( n ) );
	const quote = ( t: string ): string => `“${ escapeInline( excerpt( t, 120 ) ) }”`;
	for ( const flag of f.flags ) {
		let text = FLAG_TEXT[ flag ] ?? escapeInline( flag );
		if ( flag === 'forged' && f.signatureUser !== null ) {
			text += ` (signed ${ name( f.signatureUser ) })`;
		} else if ( ( flag === 'removed' || flag === 'withdrawn' ) && f.removedBy !== null ) {
			text += ` (by ${ name( f.removedBy ) })`;
		} else if ( flag === 'editedByOthers' ) {
			text += ` (by ${ f.editedBy.map( name ).join( ', ' ) }; original: ${ quote( f.originalComment ) }, now: ${ quote( f.latestComment ) })`;
		} else if ( flag === 'statusByNonMember' ) {
			text += ` (${ f.ignoredStatus.map( ( s ) => `${ s.value } by ${ name( s.by ) }` ).join( ', ' ) })`;
		}
		parts.push( text );
	}
	return parts.join( '; ' );
}

/** Renders the whole summary page. Deterministic: equal inputs give byte-equal output. */
export function renderSummaryPage(
	config: AggregateConfig,
	data: SummaryData,
	options: SummaryPageOptions,
): string {
	const width = options.barWidth ?? 20;
	const out: string[] = [];
	out.push( '<!-- Written by the LDWG bot from the feedback on the talk pages; edits here are overwritten. -->' );
	out.push( `This page is updated by the bot from the feedback entries on the drafts' talk pages. Authors come from page history. Data as of ${ formatTime( options.asOf ) }: ${ data.totals.entries } entries from ${ data.totals.contributors } contributors; ${ data.totals.flagged } flagged.` );
	for ( const d of data.drafts ) {
		out.push( '' );
		out.push( `== ${ escapeInline( d.title ) } ==` );
		out.push( `${ d.entries } entries from ${ d.contributors } contributors.` );
		for ( const s of d.sections ) {
			out.push( '' );
			out.push( ...renderSection( config, d.id, s, width ) );
		}
	}
	out.push( '' );
	out.push( '== Flagged for the working group ==' );
	if ( !data.flagged.length ) {
		out.push( 'Nothing flagged.' );
	} else {
		out.push( '{| class="wikitable"' );
		out.push( '! Entry !! Where !! Author !! First seen !! Why' );
		for ( const f of data.flagged ) {
			out.push( '|-' );
			out.push( `| ${ escapeInline( f.id ) } || ${ escapeInline( `${ f.draft } / ${ f.section }` ) } || ${ who( f.author ) } || ${ formatTime( f.timestamp ) } || ${ flagDetails( f ) }` );
		}
		out.push( '|}' );
	}
	if ( data.unplaced.length ) {
		out.push( '' );
		out.push( `Entries for a draft or section not in the configuration: ${ data.unplaced.map( escapeInline ).join( ', ' ) }.` );
	}
	if ( data.outOfScale.length ) {
		const { min, max } = config.rubric.scale;
		const items = data.outOfScale.map( ( o ) => `${ escapeInline( o.id ) } (${ escapeInline( o.question ) }: ${ escapeInline( String( o.answer ) ) })` );
		out.push( '' );
		out.push( `Rubric answers outside the scale ${ min }–${ max }, not counted: ${ items.join( ', ' ) }.` );
	}
	return out.join( '\n' ) + '\n';
}
