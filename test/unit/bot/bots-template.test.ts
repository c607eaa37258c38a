import { describe, expect, it } from 'vitest';
import { checkExclusion, parseExclusionTemplates } from '../../../shared/bots-template.ts';

const BOT = 'LDWG-bot';

// [ wikitext, allowed ] — one row per rule of the Template:Bots convention.
const cases: [ string, boolean ][] = [
	[ 'plain talk page', true ],
	[ '{{nobots}}', false ],
	[ '{{NoBots}}', false ],
	[ '{{Template:nobots}}', false ],
	[ '{{bots}}', true ],
	[ '{{bots|allow=all}}', true ],
	[ '{{bots|allow=none}}', false ],
	[ '{{bots|allow=OtherBot}}', false ],
	[ '{{bots|allow=OtherBot, LDWG-bot}}', true ],
	[ '{{bots|allow=LDWG_bot}}', false ],
	[ '{{bots|allow=lDWG-bot}}', true ],
	[ '{{bots|deny=all}}', false ],
	[ '{{bots|deny=none}}', true ],
	[ '{{bots|deny=OtherBot}}', true ],
	[ '{{bots|deny=OtherBot,LDWG-bot}}', false ],
	[ '{{ bots | deny = LDWG-bot }}', false ],
	[ '{{bots|optout=all}}', true ],
	[ '\x3Cnowiki>{{nobots}}\x3C/nowiki>', true ],
	[ '<!-- {{nobots}} -->', true ],
	[ '<pre>{{bots|deny=all}}</pre>', true ],
	[ '{{nobots|allow=LDWG-bot}}', true ],
	[ '{{bots|deny=none}} {{nobots}}', false ],
	[ '{{nobotsx}}', true ],
];

describe( 'checkExclusion', () => {
	it.each( cases )( '%j → allowed %s', ( text, allowed ) => {
		expect( checkExclusion( text, BOT ).allowed ).toBe( allowed );
	} );

	it( 'reports the parsed lists', () => {
		expect( parseExclusionTemplates( '{{bots|allow=A,b_c|deny=D}}' ) ).toEqual( [
			{ name: 'bots', allow: [ 'A', 'B c' ], deny: [ 'D' ] },
		] );
	} );
} );
