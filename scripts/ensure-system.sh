#!/usr/bin/env bash
# Installs the Debian packages the local wiki and the browser tests need, if any is missing.
# Idempotent and quick when everything is there. Needs root (or sudo) only when something is missing;
# otherwise it names the packages and exits 1 so the caller can say what to do.
set -euo pipefail
packages=(mediawiki php-sqlite3 php-cli chromium)
missing=()
for p in "${packages[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing+=("$p")
	fi
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
	sudo apt-get update -qq
	sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
else
	echo "Missing Debian packages: ${missing[*]}. Install them as root: apt-get update && apt-get install -y ${missing[*]}" >&2
	exit 1
fi
