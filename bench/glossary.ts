/**
 * Glossary marking performance, measured in real Chromium (Debian's, through playwright-core) on
 * a static page: no wiki is needed, because marking only needs the DOM and a term index.
 *
 * The page holds 200 KB of generated text in sections (headings, paragraphs, links, code,
 * references, `noglossary` boxes, an untranslated unit in another language) and the glossary has
 * 500 concepts in 4 languages (term plus alias each). The same modules the gadget ships
 * (gadget/glossary/mark.ts, shared/glossary/matcher.ts) are bundled with esbuild into the page.
 *
 * Figures (median of RUNS runs after WARMUP warm-up runs, each on a fresh copy of the content;
 * two figures whose ratio is taken are measured in turn, run by run):
 * - `glossary.mark_ms`: marking the page (matcher already built), wall time including the yields
 *   between chunks;
 * - `glossary.baseline_ms`: a synchronous walk applying the same exclusion rules that reads every
 *   text node and splits it into words, looking nothing up;
 * - `glossary.mark_ratio` = mark ÷ baseline (goal ≤ 3);
 * - `glossary.size_growth` = marking time with 2,000 concepts ÷ with 50 (goal ≤ 1.5), each the
 *   median of RUNS runs after WARMUP warm-up runs, the two sizes run in turn (50, 2,000, 50, …):
 *   on this shared machine the load drifts between two series measured one after the other,
 *   and within one run of the bench the serial ratio has been 2.77 where the ratio in turn was
 *   1.21 (29 Nov 2026), so only runs in turn compare the two sizes under the same conditions;
 * - `glossary.longest_task_ms`: the longest chunk of work between two yields, marking or
 *   building the matcher of the 2,000-concept glossary in a fresh page as the glossary module
 *   does (our own timing; the `longtask` observer, which only reports tasks over 50 ms, is
 *   checked too);
 * - `glossary.naive_ratio`: a one-regular-expression-per-term marker on the same page ÷ ours.
 * - `glossary.matcher_build_ms`: building the matcher for 500 concepts in one go (informative);
 * - `glossary.matcher_build_sliced_ms`: building it for 2,000 concepts in slices, as the glossary
 *   module does, yields included (informative).
 *
 * Informative figures that explain `size_growth` (the page holds terms of all 2,000 concepts, so
 * the larger glossary also finds and wraps far more terms):
 * - `glossary.size_growth_serial`: the same ratio from two series measured one after the other
 *   (how the bench measured `size_growth` until 29 Nov 2026; kept for comparison);
 * - `glossary.size_growth_match_only`: the matcher alone over the page's text nodes, 2,000
 *   concepts ÷ 50 (medians of interleaved runs);
 * - `glossary.wrap_us_per_mark`: what each extra marked term costs: the growth of marking time
 *   minus the growth of matching time, divided by the number of extra terms marked;
 * - `glossary.size_growth_same_matches`: size growth on a page whose glossary terms all come
 *   from the first 50 concepts and whose other words are no term of any size, so that both
 *   sizes mark exactly the same terms.
 *
 * @packageDocumentation
 */
import * as esbuild from 'esbuild';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import type { BenchModule, Figure } from './types.ts';
import type { CompiledGlossary, GlossaryConcept } from '../shared/contracts/glossary.ts';
import { buildTermIndex } from '../shared/glossary/term-index.ts';

const root = path.resolve( path.dirname( fileURLToPath( import.meta.url ) ), '..' );
const WARMUP = 3;
const RUNS = 11;
const NAIVE_RUNS = 3;
const PAGE_BYTES = 200 * 1024;
const LANGUAGES = [ 'en', 'fr', 'es', 'ar' ];

/** Deterministic pseudo-random numbers (Park–Miller), so every run benches the same page. */
function random( seed: number ): () => number {
	let a = seed;
	return () => {
		a = ( a * 48271 ) % 2147483647;
		return a / 2147483647;
	};
}

const SYLLABLES = [ 'ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'an', 'el', 'or', 'is',
	'ba', 'de', 'fu', 'go', 'hi', 'ju', 'pe' ];

function word( rand: () => number, syllables: number ): string {
	let w = '';
	for ( let i = 0; i < syllables; i++ ) {
		w += SYLLABLES[ Math.floor( rand() * SYLLABLES.length ) ];
	}
	return w;
}

/** A glossary of `count` concepts with a term and an alias in each of the 4 languages. */
function makeGlossary( count: number ): CompiledGlossary {
	const rand = random( 7 );
	const concepts: GlossaryConcept[] = [];
	const used = new Set<string>();
	for ( let i = 0; i < count; i++ ) {
		const entries: GlossaryConcept[ 'entries' ] = {};
		for ( const lang of LANGUAGES ) {
			let term = '';
			do {
				const words = 1 + Math.floor( rand() * 2 );
				term = Array.from( { length: words }, () => word( rand, 3 ) ).join( ' ' );
			} while ( used.has( term ) );
			used.add( term );
			entries[ lang ] = { term, aliases: [ `${ term }s` ], definition: `Definition ${ i } ${ lang }.` };
		}
		concepts.push( { id: `c${ i }`, type: 'other', status: 'agreed', related: [], entries } );
	}
	return {
		version: 1,
		generated: '2026-01-01T00:00:00Z',
		sourceLanguage: 'en',
		languages: LANGUAGES,
		concepts,
	};
}

/**
 * About 200 KB of text: sections with a heading and paragraphs of filler words, glossary terms
 * (from the 2,000-concept glossary, so the same page serves every glossary size), links, code,
 * references, an excluded box and an untranslated English unit inside a French wrapper.
 */
function makePage( glossary: CompiledGlossary, avoid?: Set<string> ): string {
	const rand = random( 11 );
	// Other words: with `avoid`, never a word of a glossary term (so they match nothing).
	const filler = ( syllables: number ): string => {
		let w = word( rand, syllables );
		while ( avoid?.has( w ) ) {
			w = word( rand, syllables );
		}
		return w;
	};
	const terms = glossary.concepts.map( ( c ) => ( c.entries.en as { term: string } ).term );
	const parts: string[] = [];
	let size = 0;
	let section = 0;
	while ( size < PAGE_BYTES ) {
		section++;
		parts.push( `<h2>Section ${ section }</h2><span class="ldwg-section" data-ldwg-section="s${ section }"></span>` );
		for ( let p = 0; p < 12 && size < PAGE_BYTES; p++ ) {
			const words: string[] = [];
			for ( let w = 0; w < 60; w++ ) {
				const r = rand();
				if ( r < 0.04 ) {
					words.push( terms[ Math.floor( rand() * terms.length ) ] as string );
				} else if ( r < 0.05 ) {
					words.push( `<a href="#x">${ word( rand, 2 ) } ${ terms[ Math.floor( rand() * 50 ) ] }</a>` );
				} else if ( r < 0.055 ) {
					words.push( `<code>${ word( rand, 2 ) }</code>` );
				} else if ( r < 0.06 ) {
					words.push( `<sup class="reference"><a href="#r">[${ w }]</a></sup>` );
				} else if ( r < 0.1 ) {
					words.push( `<b>${ word( rand, 2 ) }</b>` );
				} else {
					words.push( filler( 1 + Math.floor( rand() * 3 ) ) );
				}
			}
			const text = `${ words.join( ' ' ) }.`;
			const html = p === 5 ? `<div class="noglossary"><p>${ text }</p></div>` :
				p === 7 ? `<div lang="en" dir="ltr" class="mw-content-ltr"><p>${ text }</p></div>` :
					`<p>${ text }</p>`;
			parts.push( html );
			size += text.replace( /<[^>]*>/g, '' ).length;
		}
	}
	return parts.join( '\n' );
}

/** The code loaded into the page: the gadget's own marking modules. */
async function bundle(): Promise<string> {
	const result = await esbuild.build( {
		stdin: {
			contents: [
				"import { markTerms } from './gadget/glossary/mark.ts';",
				"import { isExcludedElement } from './gadget/glossary/exclusion.ts';",
				"import { createMatcher, termMatcherSteps } from './shared/glossary/matcher.ts';",
				"import { runSteps } from './gadget/glossary/slicing.ts';",
				'window.ldwgBench = { markTerms, isExcludedElement, createMatcher, termMatcherSteps,',
				'\trunSteps };',
			].join( '\n' ),
			resolveDir: root,
			loader: 'ts',
		},
		bundle: true,
		format: 'iife',
		target: 'es2017',
		minify: true,
		write: false,
	} );
	return ( result.outputFiles[ 0 ] as { text: string } ).text;
}

/** The driver's figures of a sliced run (gadget/glossary/slicing.ts `SliceStats`). */
interface MarkRunStats {
	slices: number;
	longestSliceMs: number;
	workMs: number;
}

interface MarkRun {
	marked: number;
	longestSliceMs: number;
	workMs: number;
}

interface RunFigures {
	ms: number;
	longest: number;
	min: number;
	work: number;
	marked: number;
}

/** Medians of runs in turn, the terms each of the two matchers marked, the longest slice. */
interface InTurn {
	ms: [ number, number ];
	marked: [ number, number ];
	longest: number;
}

interface PageBench {
	markTerms( root: Element, options: unknown ): Promise<MarkRun>;
	isExcludedElement( element: Element ): boolean;
	createMatcher( source: unknown, language: string ): { match( text: string ): unknown[] };
	termMatcherSteps( source: unknown, language: string ): Generator<void, unknown, void>;
	runSteps( steps: Generator<void, unknown, void>, stats: MarkRunStats ): Promise<unknown>;
}

type BenchWindow = Window & {
	ldwgBench: PageBench;
	benchMatcher?: { match( text: string ): unknown[] };
	benchMatchers: Record<string, { match( text: string ): unknown[] }>;
	benchHtml: string;
	benchTerms: [ string, string ][];
	longTasks: number[];
};

function median( values: number[] ): number {
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	return sorted[ Math.floor( sorted.length / 2 ) ] as number;
}

/** Sets the term list for the page (`terms`) and builds the matcher; returns build time (ms). */
function setTerms( page: Page, terms: [ string, string ][] ): Promise<number> {
	return page.evaluate( ( list ) => {
		const w = window as unknown as BenchWindow;
		w.benchTerms = list;
		const started = performance.now();
		w.benchMatcher = w.ldwgBench.createMatcher( list, 'en' );
		return performance.now() - started;
	}, terms );
}

/**
 * One marking run on a fresh copy of the content, with the current matcher or the one kept
 * under `name`.
 */
function markOnce( page: Page, name = '' ): Promise<Omit<RunFigures, 'min'>> {
	return page.evaluate( async ( key ) => {
		const w = window as unknown as BenchWindow;
		const content = document.getElementById( 'content' ) as HTMLElement;
		content.innerHTML = w.benchHtml;
		const matcher = key ? w.benchMatchers[ key ] : w.benchMatcher;
		const started = performance.now();
		const result = await w.ldwgBench.markTerms( content, {
			matcherFor: () => matcher,
			defaultLanguage: 'en',
		} );
		return {
			ms: performance.now() - started,
			longest: result.longestSliceMs,
			marked: result.marked,
			work: result.workMs,
		};
	}, name );
}

/**
 * Marking time (median) with each of two kept matchers, run in turn (A, B, A, B…) so that a
 * change in the machine's load during the bench hits both alike.
 */
async function markInTurn( page: Page, names: [ string, string ] ): Promise<InTurn> {
	const samples: [ number[], number[] ] = [ [], [] ];
	const marked: [ number, number ] = [ 0, 0 ];
	let longest = 0;
	for ( let r = 0; r < WARMUP + RUNS; r++ ) {
		// A, B, then B, A: the garbage a run leaves is often collected during the next one, so
		// neither side always pays for the other.
		for ( const j of r % 2 ? [ 1, 0 ] as const : [ 0, 1 ] as const ) {
			const run = await markOnce( page, names[ j ] );
			if ( r >= WARMUP ) {
				samples[ j ].push( run.ms );
			}
			marked[ j ] = run.marked;
			longest = Math.max( longest, run.longest );
		}
	}
	return { ms: [ median( samples[ 0 ] ), median( samples[ 1 ] ) ], marked, longest };
}

/** The baseline: same exclusions, every text node read and split into words, no lookup. */
function baselineOnce( page: Page ): Promise<number> {
	return page.evaluate( () => {
		const w = window as unknown as BenchWindow;
		const content = document.getElementById( 'content' ) as HTMLElement;
		content.innerHTML = w.benchHtml;
		const started = performance.now();
		const walker = document.createTreeWalker( content, 5, {
			acceptNode: ( node: Node ) => node.nodeType === 3 ? 1 :
				w.ldwgBench.isExcludedElement( node as Element ) ? 2 : 3,
		} );
		let words = 0;
		for ( let node = walker.nextNode(); node; node = walker.nextNode() ) {
			words += ( node as Text ).data.split( /[^\p{L}\p{M}\p{N}]+/u ).length;
		}
		const ms = performance.now() - started;
		return words > 0 ? ms : -1;
	} );
}

/**
 * The matcher alone over every text node that marking reads: for each of `sizes` (matchers kept
 * by `keepMatcher`), `runs` medians of interleaved runs, after `warmup` rounds.
 */
function matchOnly( page: Page, sizes: string[], warmup: number, runs: number ): Promise<number[]> {
	return page.evaluate( ( args ) => {
		const w = window as unknown as BenchWindow;
		const content = document.getElementById( 'content' ) as HTMLElement;
		content.innerHTML = w.benchHtml;
		const walker = document.createTreeWalker( content, 5, {
			acceptNode: ( node: Node ) => node.nodeType === 3 ? 1 :
				w.ldwgBench.isExcludedElement( node as Element ) ? 2 : 3,
		} );
		const texts: string[] = [];
		for ( let node = walker.nextNode(); node; node = walker.nextNode() ) {
			texts.push( ( node as Text ).data );
		}
		const samples: number[][] = args.sizes.map( () => [] );
		for ( let r = 0; r < args.warmup + args.runs; r++ ) {
			args.sizes.forEach( ( size, j ) => {
				const matcher = w.benchMatchers[ size ] as { match( text: string ): unknown[] };
				const started = performance.now();
				for ( const text of texts ) {
					matcher.match( text );
				}
				if ( r >= args.warmup ) {
					( samples[ j ] as number[] ).push( performance.now() - started );
				}
			} );
		}
		return samples.map( ( v ) => {
			const sorted = [ ...v ].sort( ( a, b ) => a - b );
			return sorted[ Math.floor( sorted.length / 2 ) ] as number;
		} );
	}, { sizes, warmup, runs } );
}

/** What building a matcher in slices (as the glossary module does) costs, in a fresh page. */
interface SlicedBuild {
	/** From the start to the matcher, yields included (ms). */
	wallMs: number;
	/** The longest stretch of work between two yields (ms). */
	longestMs: number;
	/** Slices the build was cut into. */
	slices: number;
}

/**
 * Builds a matcher for `terms` with the glossary module's own driver (`runSteps` over
 * `termMatcherSteps`, default yielder and 5 ms slices) in a page where nothing ran before, so
 * the code is as cold as on a page view, with the driver's own timing of the slices.
 */
async function buildInSlices( page: Page, terms: [ string, string ][] ): Promise<SlicedBuild> {
	return page.evaluate( async ( list ) => {
		const bench = ( window as unknown as BenchWindow ).ldwgBench;
		const stats = { slices: 0, longestSliceMs: 0, workMs: 0 };
		const started = performance.now();
		await bench.runSteps( bench.termMatcherSteps( list, 'en' ), stats );
		return {
			wallMs: performance.now() - started,
			longestMs: stats.longestSliceMs,
			slices: stats.slices,
		};
	}, terms );
}

/** Keeps the current matcher under `name`, for {@link matchOnly}. */
function keepMatcher( page: Page, name: string ): Promise<void> {
	return page.evaluate( ( key ) => {
		const w = window as unknown as BenchWindow;
		w.benchMatchers = w.benchMatchers || {};
		w.benchMatchers[ key ] = w.benchMatcher as { match( text: string ): unknown[] };
	}, name );
}

/**
 * The straightforward marker: one regular expression per term, each run over every text node,
 * wrapping its first match per node; the same exclusions.
 */
function naiveOnce( page: Page ): Promise<number> {
	return page.evaluate( () => {
		const w = window as unknown as BenchWindow;
		const content = document.getElementById( 'content' ) as HTMLElement;
		content.innerHTML = w.benchHtml;
		const started = performance.now();
		const escape = ( s: string ): string => s.replace( /[.*+?^${}()|[\]\\]/g, '\\$&' );
		const terms = [ ...w.benchTerms ].sort( ( a, b ) => b[ 0 ].length - a[ 0 ].length );
		for ( const [ term, id ] of terms ) {
			// eslint-disable-next-line security/detect-non-literal-regexp -- the naive marker's point
			const re = new RegExp( `(?<![\\p{L}\\p{N}])${ escape( term ) }(?![\\p{L}\\p{N}])`, 'iu' );
			const walker = document.createTreeWalker( content, 5, {
				acceptNode: ( node: Node ) => node.nodeType === 3 ? 1 :
					( node as Element ).classList.contains( 'ldwg-term' ) ||
					w.ldwgBench.isExcludedElement( node as Element ) ? 2 : 3,
			} );
			const hits: [ Text, number ][] = [];
			for ( let node = walker.nextNode(); node; node = walker.nextNode() ) {
				const m = re.exec( ( node as Text ).data );
				if ( m ) {
					hits.push( [ node as Text, m.index ] );
				}
			}
			for ( const [ text, index ] of hits ) {
				const rest = text.splitText( index );
				rest.splitText( term.length );
				const span = document.createElement( 'span' );
				span.className = 'ldwg-term';
				span.setAttribute( 'data-ldwg-concept', id );
				( rest.parentNode as Node ).insertBefore( span, rest );
				span.appendChild( rest );
			}
		}
		return performance.now() - started;
	} );
}

async function medianOf( runs: number, once: () => Promise<number> ): Promise<number> {
	const values: number[] = [];
	for ( let i = 0; i < runs; i++ ) {
		values.push( await once() );
	}
	return median( values );
}

function enTerms( glossary: CompiledGlossary ): [ string, string ][] {
	return buildTermIndex( glossary, 'en' ).terms;
}

/** The glossary bench module. */
export const bench: BenchModule = {
	name: 'glossary',
	figures: [ 'glossary.mark_ratio', 'glossary.mark_ms', 'glossary.baseline_ms', 'glossary.size_growth',
		'glossary.size_growth_serial', 'glossary.size_growth_match_only', 'glossary.wrap_us_per_mark',
		'glossary.size_growth_same_matches',
		'glossary.longest_task_ms', 'glossary.naive_ratio', 'glossary.matcher_build_ms',
		'glossary.matcher_build_sliced_ms' ],
	async run( context ) {
		const big = makeGlossary( 2000 );
		const glossary500 = { ...big, concepts: big.concepts.slice( 0, 500 ) };
		const glossary50 = { ...big, concepts: big.concepts.slice( 0, 50 ) };
		const html = makePage( big );
		const code = await bundle();
		const browser = await chromium.launch( {
			executablePath: process.env.LDWG_CHROMIUM || '/usr/bin/chromium',
			args: [ '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
				'--disable-background-networking', '--disable-component-update', '--disable-sync' ],
		} );
		try {
			// First, in a page of its own where nothing ran yet: the matcher of the largest
			// glossary built as the glossary module builds it, in slices.
			const coldPage = await browser.newPage();
			await coldPage.addScriptTag( { content: 'window.__name = function ( f ) { return f; };' } );
			await coldPage.addScriptTag( { content: code } );
			const sliced = await buildInSlices( coldPage, enTerms( big ) );
			await coldPage.close();

			const page = await browser.newPage();
			await page.setContent( '<!DOCTYPE html><html lang="en"><body><div id="content" class="mw-parser-output" lang="en"></div></body></html>' );
			// tsx compiles this file with esbuild's keepNames, so functions passed to evaluate()
			// call a `__name` helper that only exists in Node: give the page a no-op one.
			await page.addScriptTag( { content: 'window.__name = function ( f ) { return f; };' } );
			await page.addScriptTag( { content: code } );
			await page.evaluate( ( content ) => {
				const w = window as unknown as BenchWindow;
				w.benchHtml = content;
				w.longTasks = [];
				try {
					new PerformanceObserver( ( list ) => {
						for ( const entry of list.getEntries() ) {
							w.longTasks.push( entry.duration );
						}
					} ).observe( { type: 'longtask', buffered: false } );
				} catch {
					// No long task API: our own chunk timing stands alone.
				}
			}, html );
			const textBytes = await page.evaluate( () => {
				const content = document.getElementById( 'content' ) as HTMLElement;
				content.innerHTML = ( window as unknown as BenchWindow ).benchHtml;
				return content.textContent?.length ?? 0;
			} );
			context.log( `glossary: page of ${ Math.round( textBytes / 1024 ) } KB of text` );

			const buildMs = await setTerms( page, enTerms( glossary500 ) );
			// `between` runs after each marking run (warm-up ones with `false`), so that a figure
			// compared with marking (the baseline) is measured in turn with it.
			const runMark = async (
				between?: ( measured: boolean ) => Promise<void>,
			): Promise<RunFigures> => {
				for ( let i = 0; i < WARMUP; i++ ) {
					await markOnce( page );
					await between?.( false );
				}
				const results = [];
				for ( let i = 0; i < RUNS; i++ ) {
					// Marking first, then the other first (see markInTurn).
					if ( i % 2 ) {
						await between?.( true );
						results.push( await markOnce( page ) );
					} else {
						results.push( await markOnce( page ) );
						await between?.( true );
					}
				}
				return {
					ms: median( results.map( ( r ) => r.ms ) ),
					min: Math.min( ...results.map( ( r ) => r.ms ) ),
					work: median( results.map( ( r ) => r.work ) ),
					longest: Math.max( ...results.map( ( r ) => r.longest ) ),
					marked: ( results[ 0 ] as RunFigures ).marked,
				};
			};
			// Marking and the baseline in turn, like the two sizes below: a drift in the machine's
			// load between two series would otherwise show as a change of the ratio.
			const baselines: number[] = [];
			const mark500 = await runMark( async ( measured ) => {
				const ms = await baselineOnce( page );
				if ( measured ) {
					baselines.push( ms );
				}
			} );
			const marked = mark500.marked;
			context.log( `glossary: ${ marked } terms marked with 500 concepts` );
			const baseline = median( baselines );
			const load = os.loadavg()[ 0 ] as number;

			await setTerms( page, enTerms( glossary50 ) );
			await keepMatcher( page, '50' );
			const mark50 = await runMark();
			await setTerms( page, enTerms( big ) );
			await keepMatcher( page, '2000' );
			const mark2000 = await runMark();
			const [ match50, match2000 ] = await matchOnly( page, [ '50', '2000' ], WARMUP, RUNS ) as
				[ number, number ];
			const turn = await markInTurn( page, [ '50', '2000' ] );
			const [ turn50, turn2000 ] = turn.ms;
			const extraMarks = mark2000.marked - mark50.marked;
			// From the runs in turn: the two runs above are minutes apart, and the load drifts.
			const perMark = ( turn2000 - turn50 - ( match2000 - match50 ) ) / extraMarks;

			// The same comparison on a page whose terms all come from the first 50 concepts and
			// whose other words are no word of any term, so both glossary sizes find and wrap the
			// same terms: this isolates the cost of the glossary's size from the cost of wrapping
			// more matches (which the page above mixes).
			const termWords = new Set( enTerms( big ).flatMap( ( [ term ] ) => term.split( ' ' ) ) );
			await page.evaluate( ( content ) => {
				( window as unknown as BenchWindow ).benchHtml = content;
			}, makePage( glossary50, termWords ) );
			const same = await markInTurn( page, [ '50', '2000' ] );
			await page.evaluate( ( content ) => {
				( window as unknown as BenchWindow ).benchHtml = content;
			}, html );

			await setTerms( page, enTerms( glossary500 ) );
			// No warm-up: one naive run takes about a minute, and its JIT warm-up is negligible.
			const naive = await medianOf( NAIVE_RUNS, () => naiveOnce( page ) );
			const longTasks = await page.evaluate(
				() => ( window as unknown as BenchWindow ).longTasks );
			const longestMark = Math.max( mark500.longest, mark50.longest, mark2000.longest,
				turn.longest, same.longest );
			const longest = Math.max( longestMark, sliced.longestMs );
			const figures: Record<string, Figure> = {
				'glossary.mark_ratio': { value: mark500.ms / baseline, unit: 'ratio', goal: '≤ 3', note: 'marking ÷ baseline walk (500 concepts × 4 languages, 200 KB)' },
				'glossary.mark_ms': { value: mark500.ms, unit: 'ms', note: `median of ${ RUNS } runs (fastest ${ mark500.min.toFixed( 1 ) }, work without yields ${ mark500.work.toFixed( 1 ) }), ${ marked } terms marked, yields included; load average ${ load.toFixed( 1 ) } on ${ os.cpus().length } CPUs` },
				'glossary.baseline_ms': { value: baseline, unit: 'ms', note: `same exclusions, split every text node into words, no lookup (fastest ${ Math.min( ...baselines ).toFixed( 1 ) })` },
				'glossary.size_growth': { value: turn2000 / turn50, unit: 'ratio', goal: '≤ 1.5', note: `sizes run in turn: 2,000 concepts ${ turn2000.toFixed( 1 ) } ms (${ mark2000.marked } terms marked) ÷ 50 concepts ${ turn50.toFixed( 1 ) } ms (${ mark50.marked } marked)` },
				'glossary.size_growth_serial': { value: mark2000.ms / mark50.ms, unit: 'ratio', note: `two series one after the other: 2,000 concepts ${ mark2000.ms.toFixed( 1 ) } ms (work without yields ${ mark2000.work.toFixed( 1 ) }) ÷ 50 concepts ${ mark50.ms.toFixed( 1 ) } ms (${ mark50.work.toFixed( 1 ) })` },
				'glossary.size_growth_match_only': { value: match2000 / match50, unit: 'ratio', note: `the matcher alone over the page's text nodes: 2,000 concepts ${ match2000.toFixed( 1 ) } ms ÷ 50 concepts ${ match50.toFixed( 1 ) } ms` },
				'glossary.wrap_us_per_mark': { value: perMark * 1000, unit: 'µs', note: `(marking growth in turn ${ ( turn2000 - turn50 ).toFixed( 1 ) } ms − matching growth ${ ( match2000 - match50 ).toFixed( 1 ) } ms) ÷ ${ extraMarks } more terms marked` },
				'glossary.size_growth_same_matches': { value: same.ms[ 1 ] / same.ms[ 0 ], unit: 'ratio', goal: '≤ 1.5 (proposed reading of size_growth)', note: `page whose marked terms all come from the first 50 concepts, sizes run in turn: 2,000 concepts ${ same.ms[ 1 ].toFixed( 1 ) } ms (${ same.marked[ 1 ] } marked) ÷ 50 concepts ${ same.ms[ 0 ].toFixed( 1 ) } ms (${ same.marked[ 0 ] } marked)` },
				'glossary.longest_task_ms': { value: longest, unit: 'ms', goal: '< 50', note: `longest chunk between yields: marking ${ longestMark.toFixed( 1 ) } ms, building the 2,000-concept matcher ${ sliced.longestMs.toFixed( 1 ) } ms; ${ longTasks.length } long tasks (>50 ms) observed during the whole bench` },
				'glossary.naive_ratio': { value: naive / mark500.ms, unit: 'ratio', note: `one regex per term: ${ naive.toFixed( 0 ) } ms ÷ ours` },
				'glossary.matcher_build_ms': { value: buildMs, unit: 'ms', note: 'building the matcher for 500 concepts in one go (once per page view and language)' },
				'glossary.matcher_build_sliced_ms': { value: sliced.wallMs, unit: 'ms', note: `building the matcher for 2,000 concepts (${ enTerms( big ).length } terms) as the glossary module does, in a fresh page: ${ sliced.slices } slices, the longest ${ sliced.longestMs.toFixed( 1 ) } ms, yields included` },
			};
			return figures;
		} finally {
			await browser.close();
		}
	},
};
