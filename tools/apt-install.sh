#!/usr/bin/env bash
# Installs Debian packages that are missing, the one way every tool here does it (tools/chromium,
# tools/clock-ahead): one machine-wide lock, so two installers never run apt at once; the package
# lists refreshed only when something is missing; and no recommended packages. Chromium's
# recommendations pull in udev, upower and printing daemons, and with them an upgrade of systemd and
# its NSS module under whatever is running (docs/testing.md, "What the test command installs").
# Usage: tools/apt-install.sh PACKAGE...   (already installed packages are skipped)
set -euo pipefail

missing=()
for package in "$@"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "apt-install: ${missing[*]} not installed and this machine has no apt-get" >&2
  exit 1
fi

sudo=""
if [[ "$(id -u)" != 0 ]]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

# flock's file is machine-wide like apt's own locks; apt's timeout covers anyone else's apt.
exec 8>"${TMPDIR:-/tmp}/conversationbot-apt.lock"
flock 8

echo "apt-install: installing ${missing[*]}" >&2
$sudo apt-get update -o DPkg::Lock::Timeout=300 >&2
$sudo apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}" >&2
