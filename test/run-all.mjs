/**
 * `npm test`: every check, in order of cost, stopping at the first failure.
 * type-check → lint → i18n check → build → unit, integration and browser tests (vitest).
 * The integration and browser projects start their own test wiki (test/setup/wiki.ts) on a port
 * of their own and stop it afterwards, also when tests fail.
 */
import { spawnSync } from 'node:child_process';

const steps = [
	[ 'type-check', 'npm', [ 'run', '--silent', 'typecheck' ] ],
	[ 'lint', 'npm', [ 'run', '--silent', 'lint' ] ],
	[ 'i18n', 'npm', [ 'run', '--silent', 'lint:i18n' ] ],
	[ 'build', 'npm', [ 'run', '--silent', 'build' ] ],
	[ 'tests', 'npx', [ 'vitest', 'run' ] ]
];

for ( const [ name, command, args ] of steps ) {
	const started = Date.now();
	process.stdout.write( `\n== ${ name } ==\n` );
	const result = spawnSync( command, args, { stdio: 'inherit' } );
	const seconds = ( ( Date.now() - started ) / 1000 ).toFixed( 1 );
	if ( result.status !== 0 ) {
		process.stdout.write( `\n✖ ${ name } failed after ${ seconds } s\n` );
		process.exit( result.status || 1 );
	}
	process.stdout.write( `✔ ${ name } (${ seconds } s)\n` );
}
