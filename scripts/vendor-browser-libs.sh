#!/usr/bin/env bash
# Refresh the browser libraries under src/Web/wwwroot/lib from the npm registry, at the versions
# pinned in src/Web/package.json. The copies are committed: run this only to upgrade, then commit.
set -euo pipefail
root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT

version=$(node -p "require('$root/src/Web/package.json').dependencies['@microsoft/signalr']")
(cd "$work" && npm pack --silent "@microsoft/signalr@$version" >/dev/null && tar xzf microsoft-signalr-*.tgz)
target=$root/src/Web/wwwroot/lib/microsoft-signalr
mkdir -p -- "$target"
# The map is not shipped, so its reference goes too (a 404 in every console otherwise).
sed '/sourceMappingURL/d' "$work/package/dist/browser/signalr.min.js" >"$target/signalr.min.js"
echo "@microsoft/signalr $version -> ${target#"$root/"}/signalr.min.js"
