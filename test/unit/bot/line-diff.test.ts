import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../../shared/line-diff.ts';

const names = { from: 'a', to: 'b' };

/** Applies a unified diff to `before` (enough of `patch` to check our own output). */
function apply( before: string, diff: string ): string {
	const src = before === '' ? [] : before.split( '\n' );
	const out: string[] = [];
	let pos = 0;
	const lines = diff.split( '\n' ).slice( 2 );
	for ( const line of lines ) {
		const m = /^@@ -(\d+),(\d+) /.exec( line );
		if ( m ) {
			const start = Number( m[ 1 ] ) - ( Number( m[ 2 ] ) ? 1 : 0 );
			out.push( ...src.slice( pos, start ) );
			pos = start;
		} else if ( line.startsWith( ' ' ) || line.startsWith( '-' ) ) {
			if ( line.startsWith( ' ' ) ) {
				out.push( line.slice( 1 ) );
			}
			pos++;
		} else if ( line.startsWith( '+' ) ) {
			out.push( line.slice( 1 ) );
		}
	}
	out.push( ...src.slice( pos ) );
	return out.join( '\n' );
}

describe( 'unifiedDiff', () => {
	it( 'is empty for equal texts', () => {
		expect( unifiedDiff( 'x\ny', 'x\ny', names ) ).toBe( '' );
	} );

	it( 'shows a changed line with context', () => {
		expect( unifiedDiff( '1\n2\n3\n4\n5', '1\n2\nthree\n4\n5', names ) ).toBe(
			'--- a\n+++ b\n@@ -1,5 +1,5 @@\n 1\n 2\n-3\n+three\n 4\n 5\n' );
	} );

	it.each( [
		[ '', 'new\npage' ],
		[ 'a\nb\nc', '' ],
		[ 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl', 'a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nK\nl\nm' ],
		[ 'x\ny\nz', 'z\ny\nx' ],
	] )( 'round-trips %j → %j', ( before, after ) => {
		expect( apply( before, unifiedDiff( before, after, names ) ) ).toBe( after );
	} );
} );
