#!/usr/bin/env bash
# Prints the path of libfaketime's multi-threaded preload library (Debian package libfaketime, from
# faketime), installing it first when it is missing. test.sh preloads it to run the suite a second
# time with the process clock moved ahead. The MT variant, because the test host never connects to
# `dotnet test` under the single-threaded one.
set -euo pipefail

find_library() {
  dpkg -L libfaketime 2>/dev/null | grep -m1 '/libfaketimeMT\.so\.1$' || true
}

library="$(find_library)"
if [[ -z "$library" ]]; then
  if ! command -v apt-get >/dev/null; then
    echo "clock-ahead: libfaketime is not installed and this machine has no apt-get" >&2
    exit 1
  fi
  echo "clock-ahead: installing Debian's faketime" >&2
  sudo=""
  if [[ "$(id -u)" != 0 ]]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  # Another install (tools/cardcheck's chromium) may hold the lock: wait for it instead of failing.
  $sudo apt-get update -o DPkg::Lock::Timeout=300 >&2
  $sudo apt-get install -y -o DPkg::Lock::Timeout=300 faketime >&2
  library="$(find_library)"
fi

[[ -n "$library" ]] || { echo "clock-ahead: libfaketimeMT.so.1 not found after install" >&2; exit 1; }
echo "$library"
