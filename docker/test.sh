#!/usr/bin/env bash
# The README's test command (`npm test`): provisions what is missing exactly as CI and the demo do
# (Node 24, a Docker engine, the base image; a second run reuses them), installs the packages if
# needed, builds moor, then runs the unit and integration tests. Extra arguments go to vitest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. docker/prepare.sh test
npx vitest run "$@"
