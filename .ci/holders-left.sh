#!/usr/bin/env bash
# Fails (exit 1) when a background holder started by this test run is still alive, naming it, and stops it.
# A run's holders carry MOOR_TEST_RUN in their environment (test/support/holder.ts passes it on); without a label,
# any holder serving a test world (a config dir under a moor-home-* temporary home) counts.
set -uo pipefail
left=0
while read -r pid args; do
  [ -n "$pid" ] || continue
  case "$args" in *"daemon serve"*) ;; *) continue ;; esac
  mine=no
  if [ -n "${MOOR_TEST_RUN:-}" ] && tr '\0' '\n' < "/proc/$pid/environ" 2>/dev/null | grep -qx "MOOR_TEST_RUN=$MOOR_TEST_RUN"; then mine=yes; fi
  case "$args" in *"/moor-home-"*) mine=yes ;; esac
  [ "$mine" = yes ] || continue
  echo "ci: a background holder from the tests is still running: pid $pid ($args)" >&2
  kill "$pid" 2>/dev/null
  left=1
done < <(ps -eo pid=,args=)
exit "$left"
