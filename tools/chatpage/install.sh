#!/usr/bin/env bash
# Makes the chat page's browser tests runnable (Bot.Tests/LocalChat): Web Chat from npm, the version
# the page loads from its CDN (the tests serve this copy instead, and never reach the CDN), and
# Debian's chromium. Idempotent and quick when nothing changed: the tests call it on every run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

# Two test runs in the same worktree must not run npm ci into the same folder at once.
exec 9>"$here/.install.lock"
flock 9

stamp="node_modules/.chatpage-lock.sha256"
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  echo "chatpage: npm ci (node_modules missing or package-lock.json changed)" >&2
  # Only dist/webchat.js is used: no install scripts need to run.
  npm ci --ignore-scripts --no-audit --no-fund >&2
  echo "$want" > "$stamp"
fi

"$here/../chromium/install.sh"
