#!/usr/bin/env bash
# Sourced by docker/demo.sh and docker/test.sh: provision exactly as CI does (Node 24, a Docker
# engine, the base image; reused when present), stop on exit what this run started, install the
# packages if needed, and build moor. $1 names the caller in the error line.
set +eu
. docker/provision.sh
provisioned=$?
set -eu
[ "$provisioned" -eq 0 ] || { echo "$1: provisioning failed (see the lines above)" >&2; exit 1; }
trap 'bash docker/unprovision.sh' EXIT

[ -d node_modules/ssh2 ] || npm ci --no-audit --no-fund
npm run --silent build
