#!/usr/bin/env bash
# Runs every test of ConversationBot on a fresh machine: restores, builds and runs the whole
# suite (unit, conversation, storage, end-to-end over HTTP, card rendering in Chromium).
# Tests that need outside tools install them themselves (tools/cardcheck/install.sh: npm packages
# and Debian's chromium); servers they need are started on 127.0.0.1 by the tests.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The Cosmos DB SDK calls the Azure instance-metadata address unless told not to; tests stay on loopback.
export COSMOS_DISABLE_IMDS_ACCESS=true

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

status=0
dotnet test ConversationBot.sln --configuration Release \
  --logger "console;verbosity=minimal" --logger "trx;LogFileName=results.trx" \
  --results-directory "$results" "$@" || status=$?

# One plain summary line, so CI can tell how many tests ran.
if compgen -G "$results/*.trx" >/dev/null; then
  python3 - "$results"/*.trx <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in sys.argv[1:]:
    c = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
fi
exit "$status"
