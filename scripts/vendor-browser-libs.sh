#!/usr/bin/env bash
# Refresh the browser libraries under src/Web/wwwroot/lib from the npm registry, at the versions
# pinned in src/Web/package.json. The copies are committed: run this only to upgrade, then commit.
set -euo pipefail
root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT

target=$root/src/Web/wwwroot/lib/microsoft-signalr
mkdir -p -- "$target"

# vendor <npm package> <its browser build under dist/browser>: copied beside signalr.min.js.
vendor() {
  local package=$1 file=$2 version
  version=$(node -p "require('$root/src/Web/package.json').dependencies['$package']")
  rm -rf -- "$work/package"
  (cd "$work" && npm pack --silent "$package@$version" >/dev/null && tar xzf "$(ls -t -- *.tgz | head -n 1)")
  # The map is not shipped, so its reference goes too (a 404 in every console otherwise).
  sed '/sourceMappingURL/d' "$work/package/dist/browser/$file" >"$target/$file"
  echo "$package $version -> ${target#"$root/"}/$file"
}

vendor @microsoft/signalr signalr.min.js
# The MessagePack hub protocol (with @msgpack/msgpack bundled in); needs signalr.min.js loaded first.
vendor @microsoft/signalr-protocol-msgpack signalr-protocol-msgpack.min.js
