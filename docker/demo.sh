#!/usr/bin/env bash
# moor's main job on throwaway local boxes: `npm run demo`. Provisions exactly as CI does (Node 24,
# a Docker engine, the base image), builds moor, then runs docker/demo/run.ts.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. docker/prepare.sh demo
node --import tsx docker/demo/run.ts "$@"
