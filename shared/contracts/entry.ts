/**
 * Data contract of a feedback entry: what one reader said about one section of a draft. The
 * gadget writes it to the draft's talk page with the entry codec (`shared/entry/format.ts`), the
 * bot reads it back (`shared/entry/parse.ts`); the same shape travels as JSON between the bot's
 * steps and in exports. Who wrote it is deliberately not part of the entry: the bot takes the
 * author from page history.
 *
 * @packageDocumentation
 */
import {
	num,
	object,
	oneOf,
	optional,
	parseJson,
	record,
	refine,
	str,
	validate,
	type Result,
	type Schema,
} from '../validate.ts';
import { identifier, languageCode, versioned } from './common.ts';
import { STATUSES, type Status } from './status.ts';
import { isEntryId } from '../entry/ids.ts';

/** Version of the entry format written by this code (the `v` template parameter). */
export const ENTRY_VERSION = 1;

/** Answer to one rubric question: a point on the configured scale, or "no opinion". */
export type RubricAnswer = number | 'na';

/** One feedback entry (version 1). Every field but `version` and `id` is optional. */
export interface FeedbackEntry {
	/** Format version, {@link ENTRY_VERSION}. */
	version: 1;
	/** Unique id, `YYYYMMDD-HHMMSS-xxxxxx` (see `shared/entry/ids.ts`). */
	id: string;
	/** Page the reader was viewing, e.g. a translation `Draft/fr`. */
	page?: string;
	/** Source draft the feedback is about (whose talk page holds the entry). */
	source?: string;
	/** Section id (the section marker's id). */
	section?: string;
	/** Revision id of the page viewed, as the reader saw it. */
	rev?: number;
	/** Stance id from the configuration. */
	stance?: string;
	/** Rubric answers by question id. */
	rubric?: Record<string, RubricAnswer>;
	/** Region id from the configuration (absent: not given or "prefer not to say"). */
	region?: string;
	/** Language code the feedback was written in. */
	lang?: string;
	/** Free-text comment, plain text (any characters, newlines included). */
	comment?: string;
	/** Suggested wording, plain text. */
	wording?: string;
	/** Working-group decision (see `status.ts`); absent means open. */
	status?: Status;
	/** Reason for the decision, plain text. */
	statusNote?: string;
}

/** Schema of a rubric answer: an integer or the string `na`. */
const rubricAnswer: Schema<RubricAnswer> = {
	expected: 'integer or "na"',
	check( value, path, problems ) {
		if ( value === 'na' ) {
			return 'na';
		}
		return num( { integer: true, min: -1000, max: 1000 } ).check( value, path, problems );
	},
};

/** Schema of an entry id. */
export function entryId(): Schema<string> {
	return refine( str(), ( value, path, problems ) => {
		if ( !isEntryId( value ) ) {
			problems.push( { path, message: `must be an entry id like 20261129-142233-k3f9q2, got ${ JSON.stringify( value ) }` } );
		}
	} );
}

/**
 * Schema of one field of an entry, by property name. The parser uses these to check each
 * parameter it reads, so a bad value is reported on its own and never spoils the whole entry.
 */
export const ENTRY_FIELD_SCHEMAS = {
	id: entryId(),
	page: str( { minLength: 1, maxLength: 1000 } ),
	source: str( { minLength: 1, maxLength: 1000 } ),
	section: identifier(),
	rev: num( { integer: true, min: 0, max: Number.MAX_SAFE_INTEGER } ),
	stance: identifier(),
	rubric: record( rubricAnswer, identifier() ),
	region: identifier(),
	lang: languageCode(),
	comment: str(),
	wording: str(),
	status: oneOf( STATUSES ),
	statusNote: str(),
} as const;

/**
 * Schema of a {@link FeedbackEntry}. Unknown properties are allowed and ignored: an entry from a
 * newer tool may carry fields this one does not know, and the codec drops them when writing.
 */
export const entrySchema: Schema<FeedbackEntry> = object( {
	version: oneOf( [ ENTRY_VERSION ] ),
	id: ENTRY_FIELD_SCHEMAS.id,
	page: optional( ENTRY_FIELD_SCHEMAS.page ),
	source: optional( ENTRY_FIELD_SCHEMAS.source ),
	section: optional( ENTRY_FIELD_SCHEMAS.section ),
	rev: optional( ENTRY_FIELD_SCHEMAS.rev ),
	stance: optional( ENTRY_FIELD_SCHEMAS.stance ),
	rubric: optional( ENTRY_FIELD_SCHEMAS.rubric ),
	region: optional( ENTRY_FIELD_SCHEMAS.region ),
	lang: optional( ENTRY_FIELD_SCHEMAS.lang ),
	comment: optional( ENTRY_FIELD_SCHEMAS.comment ),
	wording: optional( ENTRY_FIELD_SCHEMAS.wording ),
	status: optional( ENTRY_FIELD_SCHEMAS.status ),
	statusNote: optional( ENTRY_FIELD_SCHEMAS.statusNote ),
}, { allowUnknown: true } );

const entryDocument = versioned( entrySchema, ENTRY_VERSION, 'entry' );

/**
 * Validates an entry (e.g. from JSON or from the form), reporting every problem with its JSON
 * path. An unsupported `version` is reported as such before anything else. Never throws.
 */
export function validateEntry( value: unknown ): Result<FeedbackEntry> {
	return validate( entryDocument, value );
}

/** Parses and validates an entry written as JSON. Never throws. */
export function parseEntryJson( text: string ): Result<FeedbackEntry> {
	return parseJson( entryDocument, text );
}
