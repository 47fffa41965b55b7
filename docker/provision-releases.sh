#!/usr/bin/env bash
# Sourced by docker/provision.sh after the bookworm base: the base images of the other tmux releases
# the compatibility suite runs against (test/support/tmuxReleases.ts names the same four):
#   bullseye = tmux 3.1c, bookworm = 3.3a (the default base, built by provision.sh), trixie = 3.5a, sid = 3.8.
# Each is moor-base:SUITE, made like the default one (debootstrap from Debian's mirror, then docker import),
# reused when present. The missing ones are built in parallel (network-bound, about 40 s together).
# Where no debootstrap can run (a laptop), the box Dockerfile starts from debian:SUITE-slim instead.

moor_release_suites="bullseye trixie sid"

moor_build_release_image() {
  local suite=$1 image="moor-base:$1" root="$moor_cache/rootfs-$1" log="$moor_cache/debootstrap-$1.log"
  rm -rf "$root"
  debootstrap --variant=minbase --include=openssh-server,tmux,procps "$suite" "$root" "$(moor_debian_mirror)" \
    >"$log" 2>&1 || { moor_log "debootstrap $suite failed; see $log"; rm -rf "$root"; return 1; }
  tar -C "$root" -c . | docker import - "$image" >/dev/null || { rm -rf "$root"; return 1; }
  rm -rf "$root"
}

moor_ensure_release_images() {
  [ "$(uname -s)" = Linux ] && [ "$(id -u)" = 0 ] || return 0
  local suite missing=() pids=() failed=0 started=$SECONDS
  for suite in $moor_release_suites; do
    docker image inspect "moor-base:$suite" >/dev/null 2>&1 || missing+=("$suite")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v debootstrap >/dev/null 2>&1 || moor_apt_install debootstrap || return 1
  moor_log "building base images ${missing[*]/#/moor-base:} in parallel with debootstrap (tmux releases)"
  for suite in "${missing[@]}"; do
    moor_build_release_image "$suite" &
    pids+=($!)
  done
  for suite in "${pids[@]}"; do wait "$suite" || failed=1; done
  [ "$failed" -eq 0 ] || return 1
  moor_log "built ${missing[*]/#/moor-base:} in $((SECONDS - started)) s"
}
