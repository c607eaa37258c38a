/**
 * A small schema-and-validator toolkit for the documents that cross a boundary (configuration,
 * summary JSON, glossary JSON, entries). Every validator reports *every* problem with its JSON path
 * (e.g. `$.drafts[0].sections[2].id`) instead of stopping at the first, so an editor fixing a
 * configuration page sees the whole list at once.
 *
 * Hand-written rather than a schema library because the gadget ships it to every reader's browser:
 * this file minifies to about a kilobyte.
 *
 * @packageDocumentation
 */

/** One thing wrong with a document: where (a JSON path starting at `$`) and what. */
export interface Problem {
	/** JSON path of the offending value, e.g. `$.regions[3]`. */
	path: string;
	/** Human-readable explanation in English (validators are developer/editor facing). */
	message: string;
}

/** Outcome of validating a document: either a typed value or the complete list of problems. */
export type Result<T> =
	| { ok: true; value: T; problems: Problem[] }
	| { ok: false; problems: Problem[] };

/**
 * A validator for values of type T. `check` returns the (possibly normalised) value, or
 * `undefined` after pushing at least one problem.
 */
export interface Schema<T> {
	/** Short description used in messages, e.g. "string" or "one of open, accepted". */
	readonly expected: string;
	check( value: unknown, path: string, problems: Problem[] ): T | undefined;
}

/** Type carried by a schema. */
export type Infer<S> = S extends Schema<infer T> ? T : never;

function describe( value: unknown ): string {
	if ( value === null ) {
		return 'null';
	}
	if ( Array.isArray( value ) ) {
		return 'array';
	}
	return typeof value;
}

/**
 * A value as JSON for a message. Never throws: JSON.stringify does on a BigInt or a cycle, and a
 * message must not turn one wrong value into a validator error that hides every other problem.
 */
function show( value: unknown ): string {
	try {
		return JSON.stringify( value ) ?? describe( value );
	} catch {
		return describe( value );
	}
}

function fail( problems: Problem[], path: string, message: string ): undefined {
	problems.push( { path, message } );
	return undefined;
}

/** Options for {@link str}. */
export interface StringOptions {
	/** Minimum length after trimming (default 0). */
	minLength?: number;
	/** Maximum length in UTF-16 code units. */
	maxLength?: number;
	/** Pattern the whole string must match. */
	pattern?: RegExp;
	/** Text for the pattern in messages, e.g. "a section id (a-z, 0-9, -)". */
	patternDescription?: string;
}

/** A string, with optional length and pattern constraints. */
export function str( options: StringOptions = {} ): Schema<string> {
	return {
		expected: 'string',
		check( value, path, problems ) {
			if ( typeof value !== 'string' ) {
				return fail( problems, path, `expected a string, got ${ describe( value ) }` );
			}
			const before = problems.length;
			if ( options.minLength !== undefined && value.trim().length < options.minLength ) {
				fail( problems, path, options.minLength === 1 ?
					'must not be empty' :
					`must be at least ${ options.minLength } characters` );
			}
			if ( options.maxLength !== undefined && value.length > options.maxLength ) {
				fail( problems, path, `must be at most ${ options.maxLength } characters` );
			}
			if ( options.pattern && !options.pattern.test( value ) ) {
				fail( problems, path, `must be ${ options.patternDescription || 'in the form ' + options.pattern.source }` );
			}
			return problems.length === before ? value : undefined;
		},
	};
}

/** A finite number, optionally an integer within bounds. */
export function num(
	options: { integer?: boolean; min?: number; max?: number } = {},
): Schema<number> {
	return {
		expected: options.integer ? 'integer' : 'number',
		check( value, path, problems ) {
			if ( typeof value !== 'number' || !Number.isFinite( value ) ) {
				return fail( problems, path, `expected a ${ this.expected }, got ${ describe( value ) }` );
			}
			if ( options.integer && !Number.isInteger( value ) ) {
				return fail( problems, path, 'must be a whole number' );
			}
			if ( options.min !== undefined && value < options.min ) {
				return fail( problems, path, `must be at least ${ options.min }` );
			}
			if ( options.max !== undefined && value > options.max ) {
				return fail( problems, path, `must be at most ${ options.max }` );
			}
			return value;
		},
	};
}

/** A boolean. */
export function bool(): Schema<boolean> {
	return {
		expected: 'boolean',
		check( value, path, problems ) {
			return typeof value === 'boolean' ? value : fail( problems, path, `expected true or false, got ${ describe( value ) }` );
		},
	};
}

/** One of a fixed set of string or number literals. */
export function oneOf<const T extends readonly( string | number )[]>(
	values: T,
): Schema<T[number]> {
	const expected = `one of ${ values.join( ', ' ) }`;
	return {
		expected,
		check( value, path, problems ) {
			return ( values as readonly unknown[] ).includes( value ) ?
				value as T[number] :
				fail( problems, path, `must be ${ expected }, got ${ show( value ) }` );
		},
	};
}

/** Options for {@link array}. */
export interface ArrayOptions<T> {
	minItems?: number;
	maxItems?: number;
	/** Key that must be unique across items (reported on the duplicate's path). */
	uniqueBy?: ( item: T ) => string;
	/** Name of the unique key for messages, e.g. "id". */
	uniqueName?: string;
}

/** An array whose items all match `item`. */
export function array<T>( item: Schema<T>, options: ArrayOptions<T> = {} ): Schema<T[]> {
	return {
		expected: `array of ${ item.expected }`,
		check( value, path, problems ) {
			if ( !Array.isArray( value ) ) {
				return fail( problems, path, `expected an array, got ${ describe( value ) }` );
			}
			const before = problems.length;
			if ( options.minItems !== undefined && value.length < options.minItems ) {
				fail( problems, path, `must have at least ${ options.minItems } item${ options.minItems === 1 ? '' : 's' }` );
			}
			if ( options.maxItems !== undefined && value.length > options.maxItems ) {
				fail( problems, path, `must have at most ${ options.maxItems } items` );
			}
			const out: T[] = [];
			const seen = new Map<string, number>();
			value.forEach( ( v: unknown, i: number ) => {
				const itemPath = `${ path }[${ i }]`;
				const checked = item.check( v, itemPath, problems );
				if ( checked === undefined ) {
					return;
				}
				if ( options.uniqueBy ) {
					const key = options.uniqueBy( checked );
					const first = seen.get( key );
					if ( first !== undefined ) {
						fail( problems, itemPath, `duplicate ${ options.uniqueName || 'item' } ${ JSON.stringify( key ) } (first at ${ path }[${ first }])` );
						return;
					}
					seen.set( key, i );
				}
				out.push( checked );
			} );
			return problems.length === before ? out : undefined;
		},
	};
}

/**
 * Sets `target[ key ]` as an own, enumerable property. Plain assignment is not enough for keys
 * that come from documents or wikitext: `__proto__` would change the object's prototype (or be
 * silently ignored) instead of being stored.
 */
export function setOwn<T>( target: Record<string, T>, key: string, value: T ): void {
	Object.defineProperty( target, key, {
		value,
		enumerable: true,
		writable: true,
		configurable: true,
	} );
}

/** A plain object used as a map from string keys to values of one schema. */
export function record<T>(
	valueSchema: Schema<T>,
	keySchema?: Schema<string>,
): Schema<Record<string, T>> {
	return {
		expected: `object of ${ valueSchema.expected }`,
		check( value, path, problems ) {
			if ( typeof value !== 'object' || value === null || Array.isArray( value ) ) {
				return fail( problems, path, `expected an object, got ${ describe( value ) }` );
			}
			const before = problems.length;
			const out: Record<string, T> = {};
			for ( const key of Object.keys( value ) ) {
				const keyPath = `${ path }${ pathKey( key ) }`;
				if ( keySchema ) {
					keySchema.check( key, keyPath, problems );
				}
				const item = ( value as Record<string, unknown> )[ key ];
				const checked = valueSchema.check( item, keyPath, problems );
				if ( checked !== undefined ) {
					setOwn( out, key, checked );
				}
			}
			return problems.length === before ? out : undefined;
		},
	};
}

/** Marker wrapper for an optional object property. */
export interface Optional<T> {
	readonly optional: true;
	readonly schema: Schema<T>;
	readonly fallback?: T;
}

/**
 * An optional property of {@link object}. With `fallback`, a missing property takes that value
 * (and the property's type is no longer optional).
 */
export function optional<T>( schema: Schema<T> ): Optional<T>;
export function optional<T>(
	schema: Schema<T>,
	fallback: T
): Optional<T> & { readonly fallback: T };
export function optional<T>( schema: Schema<T>, fallback?: T ): Optional<T> {
	return fallback === undefined ?
		{ optional: true, schema } :
		{ optional: true, schema, fallback };
}

type Shape = Record<string, Schema<unknown> | Optional<unknown>>;

type RequiredKeys<S extends Shape> = {
	[K in keyof S]: S[K] extends { fallback: unknown } ? K :
		S[K] extends Optional<unknown> ? never : K
}[keyof S];
type OptionalKeys<S extends Shape> = Exclude<keyof S, RequiredKeys<S>>;
type FieldType<F> = F extends Optional<infer T> ? T : F extends Schema<infer T> ? T : never;

/** Object type produced by an {@link object} shape. */
export type ObjectOf<S extends Shape> =
	{ [K in RequiredKeys<S>]: FieldType<S[K]> } & { [K in OptionalKeys<S>]?: FieldType<S[K]> };

/**
 * One step of a JSON path for an object key (`.name`, or `["other-key"]` when the key is not an
 * identifier), so hand-written cross-field rules report paths the way the schemas do.
 */
export function pathKey( key: string ): string {
	return /^[A-Za-z_$][\w$]*$/.test( key ) ? `.${ key }` : `[${ JSON.stringify( key ) }]`;
}

/**
 * An object with known properties. Unknown properties are reported unless `allowUnknown` is set
 * (documents from newer versions may carry fields we do not know; configuration typos should not
 * pass silently, so the configuration schema keeps the default).
 */
export function object<S extends Shape>(
	shape: S,
	options: { allowUnknown?: boolean } = {},
): Schema<ObjectOf<S>> {
	return {
		expected: 'object',
		check( value, path, problems ) {
			if ( typeof value !== 'object' || value === null || Array.isArray( value ) ) {
				return fail( problems, path, `expected an object, got ${ describe( value ) }` );
			}
			const input = value as Record<string, unknown>;
			const before = problems.length;
			const out: Record<string, unknown> = {};
			for ( const key of Object.keys( shape ) ) {
				const field = shape[ key ] as Schema<unknown> | Optional<unknown>;
				const fieldPath = `${ path }${ pathKey( key ) }`;
				const present = Object.prototype.hasOwnProperty.call( input, key ) &&
					input[ key ] !== undefined;
				if ( 'optional' in field ) {
					if ( present ) {
						const checked = field.schema.check( input[ key ], fieldPath, problems );
						if ( checked !== undefined ) {
							out[ key ] = checked;
						}
					} else if ( field.fallback !== undefined ) {
						out[ key ] = field.fallback;
					}
				} else if ( !present ) {
					fail( problems, fieldPath, `is required (${ field.expected })` );
				} else {
					const checked = field.check( input[ key ], fieldPath, problems );
					if ( checked !== undefined ) {
						out[ key ] = checked;
					}
				}
			}
			if ( !options.allowUnknown ) {
				for ( const key of Object.keys( input ) ) {
					if ( !Object.prototype.hasOwnProperty.call( shape, key ) ) {
						fail( problems, `${ path }${ pathKey( key ) }`, 'is not a known property (misspelt?)' );
					}
				}
			}
			return problems.length === before ? out as ObjectOf<S> : undefined;
		},
	};
}

/** Adds a whole-value check (cross-field rules) after the structural one succeeds. */
export function refine<T>(
	schema: Schema<T>,
	rule: ( value: T, path: string, problems: Problem[] ) => void,
): Schema<T> {
	return {
		expected: schema.expected,
		check( value, path, problems ) {
			const checked = schema.check( value, path, problems );
			if ( checked === undefined ) {
				return undefined;
			}
			const before = problems.length;
			rule( checked, path, problems );
			return problems.length === before ? checked : undefined;
		},
	};
}

/**
 * Runs a schema over a document and returns every problem. Never throws, whatever the input.
 */
export function validate<T>( schema: Schema<T>, value: unknown ): Result<T> {
	const problems: Problem[] = [];
	let checked: T | undefined;
	try {
		checked = schema.check( value, '$', problems );
	} catch ( e ) {
		// A bug in a rule must not turn a bad document into a crash; report it like any problem.
		problems.push( { path: '$', message: `validator error: ${ String( e ) }` } );
	}
	if ( checked === undefined || problems.length ) {
		if ( !problems.length ) {
			problems.push( { path: '$', message: 'invalid document' } );
		}
		return { ok: false, problems };
	}
	return { ok: true, value: checked, problems };
}

/** Parses JSON text and validates it; a syntax error is a problem at `$`, never an exception. */
export function parseJson<T>( schema: Schema<T>, text: string ): Result<T> {
	let value: unknown;
	try {
		value = JSON.parse( text );
	} catch ( e ) {
		return { ok: false, problems: [ { path: '$', message: `not valid JSON: ${ e instanceof Error ? e.message : String( e ) }` } ] };
	}
	return validate( schema, value );
}

/** Formats problems one per line, for logs and error panels. */
export function formatProblems( problems: readonly Problem[] ): string {
	return problems.map( ( p ) => `${ p.path }: ${ p.message }` ).join( '\n' );
}
