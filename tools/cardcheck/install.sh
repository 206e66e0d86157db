#!/usr/bin/env bash
# Makes the card checker runnable: its npm packages and Debian's Chromium. Idempotent and quick when
# nothing changed, because the xunit render test calls it on every run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

# Two test runs in the same worktree must not run npm ci into the same folder at once.
exec 9>"$here/.install.lock"
flock 9

stamp="node_modules/.cardcheck-lock.sha256"
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  echo "cardcheck: npm ci (node_modules missing or package-lock.json changed)" >&2
  npm ci --no-audit --no-fund >&2
  echo "$want" > "$stamp"
fi

"$here/../chromium/install.sh"
