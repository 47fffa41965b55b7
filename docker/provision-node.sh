#!/usr/bin/env bash
# Prints the path of a Node binary of exactly VERSION (e.g. 22.12.0), fetched once from the npm
# registry's `node` package into moor's provisioning cache, as provision.sh fetches node@24.
# Used by test/e2e/package.test.ts to run the installed package on the oldest Node it supports.
set -euo pipefail
version=${1:?usage: provision-node.sh VERSION}
dir="${MOOR_CACHE_DIR:-$HOME/.cache/moor-provision}/node-$version"
if [ ! -x "$dir/node_modules/.bin/node" ]; then
  printf 'provision-node: fetching node@%s from the npm registry\n' "$version" >&2
  npm install --no-save --no-audit --no-fund --prefix "$dir" "node@$version" >/dev/null
fi
"$dir/node_modules/.bin/node" -e 'process.exit(process.version === "v" + process.argv[1] ? 0 : 1)' "$version"
printf '%s\n' "$dir/node_modules/.bin/node"
