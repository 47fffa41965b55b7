#!/usr/bin/env bash
# Stops what docker/provision.sh started in this run (nothing that was already running).
started="${MOOR_PROVISION_STARTED:-}"
[ -n "$started" ] && [ -f "$started" ] || exit 0
while read -r what pid; do
  [ -n "$pid" ] || continue
  printf 'unprovision: stopping %s (pid %s)\n' "$what" "$pid" >&2
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
done <"$started"
rm -f "$started"
