/**
 * Terminal output for the commands: progress on stderr (a redrawn bar on a terminal, plain lines
 * otherwise, so logs stay readable), verbose details, and the one-line result on stdout.
 *
 * @packageDocumentation
 */

/** Where a command reports. */
export interface Output {
	/** A message for the operator (stderr). */
	info( line: string ): void;
	/** Only with `--verbose` (stderr). */
	verbose( line: string ): void;
	/** A warning (stderr). */
	warn( line: string ): void;
	/** Progress of a long step. */
	progress( label: string, done: number, total: number ): void;
	/** Program output: results, diffs (stdout). */
	result( text: string ): void;
}

/** Output on the process's streams. */
export function consoleOutput( options: { verbose: boolean; tty?: boolean } ): Output {
	const tty = options.tty ?? !!process.stderr.isTTY;
	let barShown = false;
	let lastPlain = '';
	const clearBar = (): void => {
		if ( barShown ) {
			process.stderr.write( '\r\u001b[2K' );
			barShown = false;
		}
	};
	return {
		info( line ) {
			clearBar();
			process.stderr.write( `${ line }\n` );
		},
		verbose( line ) {
			if ( options.verbose ) {
				clearBar();
				process.stderr.write( `${ line }\n` );
			}
		},
		warn( line ) {
			clearBar();
			process.stderr.write( `⚠ ${ line }\n` );
		},
		progress( label, done, total ) {
			if ( tty ) {
				const width = 30;
				const filled = total > 0 ? Math.round( done / total * width ) : width;
				process.stderr.write( `\r\u001b[2K${ label } [${ '#'.repeat( filled ) }${ '.'.repeat( width - filled ) }] ${ done }/${ total }` );
				barShown = true;
				if ( done >= total ) {
					clearBar();
				}
			} else {
				// Plain lines: the start and the end of each step, not a flood.
				const line = `${ label }: ${ done }/${ total }`;
				if ( ( done === 0 || done >= total ) && line !== lastPlain ) {
					process.stderr.write( `${ line }\n` );
					lastPlain = line;
				}
			}
		},
		result( text ) {
			clearBar();
			process.stdout.write( text.endsWith( '\n' ) ? text : `${ text }\n` );
		},
	};
}
