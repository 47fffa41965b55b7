#!/usr/bin/env bash
# moor's main job on throwaway local boxes: `npm run demo`. Provisions exactly as CI does (Node 24,
# a Docker engine, the base image), builds moor, then runs docker/demo/run.ts.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

set +eu
. docker/provision.sh
provisioned=$?
set -eu
[ "$provisioned" -eq 0 ] || { echo "demo: provisioning failed (see the lines above)" >&2; exit 1; }
trap 'bash docker/unprovision.sh' EXIT

[ -d node_modules/ssh2 ] || npm ci --no-audit --no-fund
npm run --silent build
node --import tsx docker/demo/run.ts "$@"
