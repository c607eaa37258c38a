<?php
/**
 * Creates the local test accounts of an ldwg-tools wiki in one PHP process (one maintenance
 * script per account would cost a second each).
 *
 * Reads a JSON array from the file given as the only argument, each item:
 * `{ "name": "Alice", "password": "…", "groups": [ … ],
 *   "botPassword": { "appId": "ldwg", "password": "…", "grants": [ … ] } }`
 * (botPassword optional). Existing accounts get their password and groups set again, so the
 * script can be re-run. Local test accounts only: the file lives in the git-ignored wiki folder.
 *
 * Run as: MW_CONFIG_FILE=… php test/wiki/CreateAccounts.php accounts-input.json
 */

use MediaWiki\Auth\AuthManager;
use MediaWiki\MediaWikiServices;

require_once ( getenv( 'MW_INSTALL_PATH' ) ?: '/usr/share/mediawiki' ) . '/maintenance/Maintenance.php';

class LdwgCreateAccounts extends Maintenance {
	public function __construct() {
		parent::__construct();
		$this->addDescription( 'Create the local ldwg-tools test accounts' );
		$this->addArg( 'file', 'JSON file describing the accounts' );
	}

	public function execute() {
		$accounts = json_decode( file_get_contents( $this->getArg( 0 ) ), true );
		if ( !is_array( $accounts ) ) {
			$this->fatalError( 'The accounts file is not a JSON array.' );
		}
		$services = MediaWikiServices::getInstance();
		$groupManager = $services->getUserGroupManager();
		$passwordFactory = $services->getPasswordFactory();
		foreach ( $accounts as $account ) {
			$user = $services->getUserFactory()->newFromName( $account['name'] );
			if ( !$user ) {
				$this->fatalError( "Invalid user name: {$account['name']}" );
			}
			if ( $user->idForName() === 0 ) {
				$status = $services->getAuthManager()->autoCreateUser(
					$user, AuthManager::AUTOCREATE_SOURCE_MAINT, false
				);
				if ( !$status->isGood() ) {
					$this->fatalError( $status->getMessage( false, false, 'en' )->text() );
				}
				SiteStatsUpdate::factory( [ 'users' => 1 ] )->doUpdate();
			}
			$status = $user->changeAuthenticationData( [
				'username' => $user->getName(),
				'password' => $account['password'],
				'retype' => $account['password'],
			] );
			if ( !$status->isGood() ) {
				$this->fatalError( $status->getMessage( false, false, 'en' )->text() );
			}
			$user->saveSettings();
			$missing = array_diff( $account['groups'] ?? [], $groupManager->getUserGroups( $user ) );
			if ( $missing ) {
				$groupManager->addUserToMultipleGroups( $user, $missing );
			}
			if ( isset( $account['botPassword'] ) ) {
				$this->createBotPassword( $user, $account['botPassword'], $passwordFactory );
			}
			$this->output( "{$user->getName()}: ok\n" );
		}
	}

	/**
	 * @param User $user
	 * @param array $spec appId, password, grants
	 * @param PasswordFactory $passwordFactory
	 */
	private function createBotPassword( User $user, array $spec, $passwordFactory ) {
		$existing = BotPassword::newFromUser( $user, $spec['appId'] );
		if ( $existing ) {
			$existing->delete();
		}
		// An unknown grant would be stored silently and the login would just lack the right.
		$invalid = array_diff(
			$spec['grants'], MediaWikiServices::getInstance()->getGrantsInfo()->getValidGrants()
		);
		if ( $invalid ) {
			$this->fatalError( 'Unknown grants: ' . implode( ', ', $invalid ) );
		}
		$bp = BotPassword::newUnsaved( [
			'user' => $user,
			'appId' => $spec['appId'],
			'grants' => $spec['grants'],
		] );
		if ( !$bp ) {
			$this->fatalError( "Cannot create bot password {$spec['appId']} for {$user->getName()}" );
		}
		$status = $bp->save( 'insert', $passwordFactory->newFromPlaintext( $spec['password'] ) );
		if ( !$status->isGood() ) {
			$this->fatalError( "Bot password for {$user->getName()}: " . $status->getWikiText() );
		}
	}
}

$maintClass = LdwgCreateAccounts::class;
require_once RUN_MAINTENANCE_IF_MAIN;
