#!/usr/bin/env bash
# Runs every test of ConversationBot on a fresh machine: installs what the tests need, builds, and
# runs the whole suite (unit, conversation, storage, end-to-end over HTTP, card rendering and the
# chat page in Chromium), then runs it again with the clock 400 days ahead.
# Servers the tests need are started on 127.0.0.1 by the tests themselves.
# Arguments go to both test runs (e.g. --filter "FullyQualifiedName~Messenger").
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The Cosmos DB SDK calls the Azure instance-metadata address unless told not to; tests stay on loopback.
export COSMOS_DISABLE_IMDS_ACCESS=true

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

# 1. Everything the tests use from outside .NET, installed before any test runs: Debian packages
# first, one after another (apt must not upgrade system libraries under running processes, nor run
# with the clock moved, when it would find its package lists expired), then the npm packages, while
# the build runs (each writes only its own node_modules; nothing runs from them until the tests).
# The test fixtures call the same scripts, which are quick when nothing is missing, so `dotnet test`
# alone works too.
faketime_library=""
if ! faketime_library="$(tools/clock-ahead/install.sh)"; then
  if [[ "${CI:-}" == "true" ]]; then
    echo "test.sh: libfaketime is required in CI for the run with the clock moved ahead" >&2
    exit 1
  fi
  echo "test.sh: no libfaketime here, so the run with the clock 400 days ahead is skipped" >&2
fi
tools/chromium/install.sh
(for tool in cardcheck chatpage cosmos-test-server; do "tools/$tool/install.sh"; done) > "$results/npm-install.log" 2>&1 &
npm_install=$!

# 2. One build (restore included), with no build server left behind; then the npm packages must be there.
dotnet build ConversationBot.sln --configuration Release --disable-build-servers || { code=$?; kill "$npm_install" 2>/dev/null; exit "$code"; }
if ! wait "$npm_install"; then
  cat "$results/npm-install.log" >&2
  echo "test.sh: installing the npm packages the tests use failed (above)" >&2
  exit 1
fi
cat "$results/npm-install.log" >&2

# 3. The tests run from the built assembly: `dotnet test` on a .dll is VSTest alone, without MSBuild
# nodes between it and this script. A pass has a time limit, and a test that hangs is stopped by
# VSTest with its name (--blame-hang-timeout), so a run never outlives CI's patience in silence.
tests_dll="Bot.Tests/bin/Release/net10.0/ConversationBot.Bot.Tests.dll"
pass_limit="20m"
group=""
# Ctrl-C reaches this script's process group only: the pass's group is stopped with it.
trap '[[ -n "$group" ]] && kill -TERM -- "-$group" 2>/dev/null; exit 130' INT TERM
run() { # run NAME [dotnet test arguments...]
  local name="$1"; shift
  # timeout makes its own process group; what a killed test host leaves running is in it and ends with it.
  timeout --kill-after=30s "$pass_limit" dotnet test "$tests_dll" \
    --logger "console;verbosity=minimal" --logger "trx;LogFileName=$name.trx" \
    --results-directory "$results/$name" \
    --blame-hang-timeout 8m --blame-hang-dump-type none "$@" &
  group=$!
  local code=0
  wait "$group" || code=$?
  kill -KILL -- "-$group" 2>/dev/null || true
  group=""
  if [[ "$code" == 124 || "$code" == 137 ]]; then
    echo "test.sh: the $name pass ran longer than $pass_limit and was stopped" >&2
  fi
  return "$code"
}

status=0
run today "$@" || status=$?

# 4. The same suite with the process clock 400 days ahead (libfaketime; .NET's clock follows it).
# A test that compares a fixed instant with the real clock passes on the day it is written and
# fails some day after; here it fails at once. Nothing is downloaded under the moved clock
# (certificates and package lists would look expired). Slow tests that read no clock at all carry
# the trait Clock=free (Bot.Tests/Support/ClockFree.cs) and run only today: moving the clock cannot
# change them. A filter given to this script applies to both passes.
ahead_args=()
ahead_filter="Clock!=free"
while (($#)); do
  case "$1" in
    --filter) ahead_filter="($2)&$ahead_filter"; shift 2 ;;
    --filter=*) ahead_filter="(${1#--filter=})&$ahead_filter"; shift ;;
    *) ahead_args+=("$1"); shift ;;
  esac
done
if [[ -n "$faketime_library" && "$status" == 0 ]]; then
  FAKETIME="+400d" LD_PRELOAD="$faketime_library" run ahead400d "${ahead_args[@]}" --filter "$ahead_filter" || status=$?
fi

# Supply chain: known vulnerabilities in the npm packages the tools run (production dependencies;
# the lock files are read, nothing is installed). Reported, never failing the run: a machine without
# the registry's audit endpoint (offline, or a mirror without it) says so and goes on. NuGet packages
# are audited by every restore (Directory.Build.props); docs/security.md has both.
npm_audit() {
  local dir
  for dir in tools/*/; do
    [[ -f "$dir/package-lock.json" ]] || continue
    local report
    report="$( (cd "$dir" && timeout 60 npm audit --omit=dev --package-lock-only --json 2>/dev/null) || true)"
    python3 - "${dir%/}" "$report" <<'PY'
import json, sys
name, text = sys.argv[1], sys.argv[2]
try:
    report = json.loads(text) if text.strip() else {}
except ValueError:
    report = {}
counts = report.get("metadata", {}).get("vulnerabilities")
if "error" in report or counts is None:
    print(f"npm audit {name}: not checked (the registry gave no audit data: offline, or no audit endpoint)")
elif counts.get("total", 0) == 0:
    print(f"npm audit {name}: no known vulnerabilities")
else:
    found = ", ".join(f"{n} {level}" for level, n in counts.items() if level != "total" and n)
    print(f"npm audit {name}: VULNERABLE: {found}; run npm audit --omit=dev in {name}")
PY
  done
}
if command -v npm >/dev/null; then
  npm_audit
else
  echo "npm audit: not checked (npm is not installed)"
fi

# One plain summary line per run and a total last, so CI can tell how many tests ran.
python3 - "$results" <<'PY'
import sys, pathlib, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
total = [0, 0, 0]
for name in ("today", "ahead400d"):
    paths = sorted(pathlib.Path(sys.argv[1], name).glob("*.trx"))
    if not paths:
        continue
    counts = [0, 0, 0]
    for path in paths:
        c = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
        counts[0] += int(c.get("passed", 0))
        counts[1] += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
        counts[2] += int(c.get("notExecuted", 0))
    total = [a + b for a, b in zip(total, counts)]
    print(f"{name}: {counts[0]} passed, {counts[1]} failed, {counts[2]} skipped")
print(f"{total[0]} passed, {total[1]} failed, {total[2]} skipped")
PY
exit "$status"
