#!/usr/bin/env bash
# Copies Microsoft's Adaptive Cards renderer (npm "adaptivecards", MIT) into the console's assets, so the
# composer renders cards on a closed network without a CDN (docs/console.md). The version is pinned here;
# run this after changing it and commit the result. The checksum guards against a changed package.
set -euo pipefail
version=3.0.6
sha256=5e7c13f3300ae7b89b34703501e08d709fbb6635f1c6755b92495577a77344f2
cd "$(dirname "$0")/../.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "adaptivecards@$version" --silent >/dev/null && tar xzf "adaptivecards-$version.tgz")
actual="$(sha256sum "$work/package/dist/adaptivecards.min.js" | cut -d' ' -f1)"
if [[ "$actual" != "$sha256" ]]; then
  echo "adaptivecards $version: adaptivecards.min.js has sha256 $actual, expected $sha256" >&2
  exit 1
fi
target=Bot/wwwroot/console/lib/adaptivecards
mkdir -p "$target"
cp "$work/package/dist/adaptivecards.min.js" "$work/package/dist/adaptivecards.min.js.LICENSE.txt" "$target/"
cp "$work/package/LICENSE" "$target/LICENSE"
echo "adaptivecards $version copied to $target"
