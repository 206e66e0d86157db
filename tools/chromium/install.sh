#!/usr/bin/env bash
# Installs Debian's chromium when it is missing: the browser every browser test drives
# (tools/cardcheck, Bot.Tests/LocalChat). Playwright's own browser download does not work here.
set -euo pipefail

if [[ ! -x /usr/bin/chromium ]]; then
  echo "chromium: installing Debian's chromium" >&2
  sudo=""
  if [[ "$(id -u)" != 0 ]]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update >&2
  $sudo apt-get install -y -o DPkg::Lock::Timeout=300 chromium >&2
fi
