/**
 * A small unified line diff for the bot's `--dry-run` output (what a page would become). Pages the
 * bot writes are a few hundred lines, so a longest-common-subsequence table after trimming the
 * common head and tail is fast enough and keeps this dependency-free.
 *
 * @packageDocumentation
 */

type Op = { kind: ' ' | '-' | '+'; line: string };

function lcsOps( a: string[], b: string[] ): Op[] {
	const n = a.length;
	const m = b.length;
	// lengths[i][j] = LCS length of a[i..] and b[j..], in one flat array.
	const lengths = new Uint32Array( ( n + 1 ) * ( m + 1 ) );
	const at = ( i: number, j: number ): number => lengths[ i * ( m + 1 ) + j ] ?? 0;
	for ( let i = n - 1; i >= 0; i-- ) {
		for ( let j = m - 1; j >= 0; j-- ) {
			lengths[ i * ( m + 1 ) + j ] = a[ i ] === b[ j ] ?
				at( i + 1, j + 1 ) + 1 :
				Math.max( at( i + 1, j ), at( i, j + 1 ) );
		}
	}
	const ops: Op[] = [];
	let i = 0;
	let j = 0;
	while ( i < n && j < m ) {
		if ( a[ i ] === b[ j ] ) {
			ops.push( { kind: ' ', line: a[ i ] ?? '' } );
			i++;
			j++;
		} else if ( at( i + 1, j ) >= at( i, j + 1 ) ) {
			ops.push( { kind: '-', line: a[ i ] ?? '' } );
			i++;
		} else {
			ops.push( { kind: '+', line: b[ j ] ?? '' } );
			j++;
		}
	}
	for ( ; i < n; i++ ) {
		ops.push( { kind: '-', line: a[ i ] ?? '' } );
	}
	for ( ; j < m; j++ ) {
		ops.push( { kind: '+', line: b[ j ] ?? '' } );
	}
	return ops;
}

/**
 * Unified diff of two texts (`---`/`+++` headers and `@@` hunks with `context` lines around each
 * change). Returns '' when the texts are equal.
 */
export function unifiedDiff(
	before: string,
	after: string,
	names: { from: string; to: string },
	context = 3,
): string {
	if ( before === after ) {
		return '';
	}
	const a = before === '' ? [] : before.split( '\n' );
	const b = after === '' ? [] : after.split( '\n' );
	let head = 0;
	while ( head < a.length && head < b.length && a[ head ] === b[ head ] ) {
		head++;
	}
	let tail = 0;
	while ( tail < a.length - head && tail < b.length - head &&
		a[ a.length - 1 - tail ] === b[ b.length - 1 - tail ] ) {
		tail++;
	}
	const ops: Op[] = [
		...a.slice( 0, head ).map( ( line ): Op => ( { kind: ' ', line } ) ),
		...lcsOps( a.slice( head, a.length - tail ), b.slice( head, b.length - tail ) ),
		...a.slice( a.length - tail ).map( ( line ): Op => ( { kind: ' ', line } ) ),
	];
	const out = [ `--- ${ names.from }`, `+++ ${ names.to }` ];
	let k = 0;
	while ( k < ops.length ) {
		if ( ops[ k ]?.kind === ' ' ) {
			k++;
			continue;
		}
		// A hunk: from `context` lines before this change to `context` lines after the last
		// change that is within 2 × context of the previous one.
		const start = Math.max( 0, k - context );
		let end = k;
		let lastChange = k;
		while ( end < ops.length && end - lastChange <= 2 * context ) {
			if ( ops[ end ]?.kind !== ' ' ) {
				lastChange = end;
			}
			end++;
		}
		end = Math.min( ops.length, lastChange + context + 1 );
		let oldStart = 1;
		let newStart = 1;
		for ( let x = 0; x < start; x++ ) {
			const kind = ops[ x ]?.kind;
			if ( kind !== '+' ) {
				oldStart++;
			}
			if ( kind !== '-' ) {
				newStart++;
			}
		}
		const hunk = ops.slice( start, end );
		const oldLen = hunk.filter( ( o ) => o.kind !== '+' ).length;
		const newLen = hunk.filter( ( o ) => o.kind !== '-' ).length;
		out.push( `@@ -${ oldLen ? oldStart : oldStart - 1 },${ oldLen } +${ newLen ? newStart : newStart - 1 },${ newLen } @@` );
		for ( const o of hunk ) {
			out.push( o.kind + o.line );
		}
		k = end;
	}
	return out.join( '\n' ) + '\n';
}
