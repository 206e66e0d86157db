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
  "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../apt-install.sh" faketime
  library="$(find_library)"
fi

[[ -n "$library" ]] || { echo "clock-ahead: libfaketimeMT.so.1 not found after install" >&2; exit 1; }
echo "$library"
