#!/usr/bin/env bash
# Installs Debian's chromium when it is missing: the browser every browser test drives
# (tools/cardcheck, Bot.Tests/LocalChat). Playwright's own browser download does not work here.
# fonts-liberation is one of chromium's recommendations (the rest are daemons, see
# tools/apt-install.sh): the cards are rendered with the fonts they are checked with.
set -euo pipefail
"$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../apt-install.sh" chromium fonts-liberation
