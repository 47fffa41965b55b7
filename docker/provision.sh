#!/usr/bin/env bash
# Brings a fresh machine to the point where moor's tests and demo can run:
# Node >= 22.22, a Docker engine that answers, the sshd+tmux base image,
# and the real agents the agent box runs (docker/provision-agents.sh, cached by their pinned versions).
# Source it (`. docker/provision.sh`) so PATH and the test variables carry over.
# Idempotent: reuses a running engine, an existing image and a cached Node.
# Whatever it starts is recorded in $MOOR_PROVISION_STARTED for docker/unprovision.sh.

moor_repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
moor_cache="${MOOR_CACHE_DIR:-$HOME/.cache/moor-provision}"
mkdir -p "$moor_cache"
# One record per run, so two shells provisioning at once never stop each other's engine.
export MOOR_PROVISION_STARTED="$moor_cache/started.$$"
: >"$MOOR_PROVISION_STARTED"

moor_log() { printf 'provision: %s\n' "$*" >&2; }

moor_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=22)?0:1)'
}

moor_ensure_node() {
  if moor_node_ok; then return 0; fi
  local dir="$moor_cache/node24"
  if [ ! -x "$dir/node_modules/.bin/node" ]; then
    moor_log "Node $(node --version 2>/dev/null || echo none) is older than 22.22; fetching node@24 from the npm registry"
    npm install --no-save --no-audit --no-fund --prefix "$dir" node@24 >/dev/null || return 1
  fi
  export PATH="$dir/node_modules/.bin:$PATH"
  moor_log "using node $(node --version)"
}

moor_engine_answers() { timeout 10 docker info >/dev/null 2>&1; }

moor_apt_install() {
  if [ ! -f "$moor_cache/apt-updated" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && touch "$moor_cache/apt-updated"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

moor_ensure_engine() {
  if moor_engine_answers; then return 0; fi
  if ! command -v dockerd >/dev/null 2>&1; then
    moor_log "no Docker engine; installing docker.io from Debian's packages"
    moor_apt_install docker.io || { moor_log "apt-get install docker.io failed"; return 1; }
  fi
  moor_log "starting dockerd (no bridge, no iptables: test boxes use host networking)"
  nohup dockerd --bridge=none --iptables=false --ip6tables=false >"$moor_cache/dockerd.log" 2>&1 &
  echo "dockerd $!" >>"$MOOR_PROVISION_STARTED"
  local i
  for i in $(seq 1 60); do
    moor_engine_answers && return 0
    sleep 0.5
  done
  moor_log "dockerd did not answer within 30 s; see $moor_cache/dockerd.log"
  return 1
}

moor_debian_mirror() {
  local m
  m=$(grep -hoE 'https?://[^ ]+/debian/?$' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null | head -n1)
  [ -n "$m" ] || m=$(grep -hoE '^URIs: *https?://[^ ]+/debian/?$' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | head -n1)
  echo "${m:-http://deb.debian.org/debian}"
}

moor_ensure_base_image() {
  local image="$MOOR_TEST_BASE_IMAGE"
  if docker image inspect "$image" >/dev/null 2>&1; then return 0; fi
  # Where no debootstrap can run (Docker Desktop on a laptop), use Debian's own image from the registry.
  if [ "$(uname -s)" != Linux ] || [ "$(id -u)" != 0 ]; then
    export MOOR_TEST_BASE_IMAGE=debian:bookworm-slim
    return 0
  fi
  command -v debootstrap >/dev/null 2>&1 || moor_apt_install debootstrap || return 1
  local root="$moor_cache/rootfs" mirror
  mirror=$(moor_debian_mirror)
  moor_log "building base image $image with debootstrap from $mirror (about 40 s)"
  rm -rf "$root"
  debootstrap --variant=minbase --include=openssh-server,tmux,procps bookworm "$root" "$mirror" \
    >"$moor_cache/debootstrap.log" 2>&1 || { moor_log "debootstrap failed; see $moor_cache/debootstrap.log"; return 1; }
  tar -C "$root" -c . | docker import - "$image" >/dev/null || return 1
  rm -rf "$root"
}

export MOOR_TEST_BASE_IMAGE="${MOOR_TEST_BASE_IMAGE:-moor-base:bookworm}"
# Host networking gives each box its own loopback port on Linux; Docker Desktop maps ports instead.
if [ "$(uname -s)" = Linux ]; then export MOOR_TEST_NETWORK="${MOOR_TEST_NETWORK:-host}"; fi
export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_HOST_OVERRIDE="${TESTCONTAINERS_HOST_OVERRIDE:-127.0.0.1}"

# The attach and watch tests run moor in a real pseudo-terminal provided by a local tmux; the quoting
# fuzz test runs every argv through the login shells users have (zsh, fish) besides sh and bash.
moor_ensure_local_tools() {
  local missing=()
  command -v tmux >/dev/null 2>&1 || missing+=(tmux)
  command -v zsh >/dev/null 2>&1 || missing+=(zsh)
  command -v fish >/dev/null 2>&1 || missing+=(fish)
  [ ${#missing[@]} -eq 0 ] && return 0
  moor_log "installing ${missing[*]} locally (PTY tests and the shell-quoting fuzz test use them)"
  command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && moor_apt_install "${missing[@]}" && return 0
  moor_log "could not install ${missing[*]}: install them yourself (the PTY tests need tmux; the fuzz test skips absent shells)"
  return 0
}

# The slow parts do not wait for each other: the agents' npm install and the four debootstraps (bookworm and the
# three releases) run at once, after everything apt installs (dpkg takes one install at a time).
moor_ensure_in_parallel() {
  local pids=() failed=0 pid started=$SECONDS
  if [ "$(uname -s)" = Linux ] && [ "$(id -u)" = 0 ]; then
    command -v debootstrap >/dev/null 2>&1 || moor_apt_install debootstrap || return 1
  fi
  moor_ensure_local_tools
  bash "$moor_repo_root/docker/provision-agents.sh" >/dev/null &
  pids+=($!)
  if docker image inspect "$MOOR_TEST_BASE_IMAGE" >/dev/null 2>&1 || { [ "$(uname -s)" = Linux ] && [ "$(id -u)" = 0 ]; }; then
    moor_ensure_base_image &
    pids+=($!)
  else
    moor_ensure_base_image
  fi
  moor_ensure_release_images &
  pids+=($!)
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  [ "$failed" -eq 0 ] || return 1
  moor_log "images and agents ready in $((SECONDS - started)) s"
  # Installed by now: this only stages the context's small files and exports MOOR_AGENTS_DIR.
  . "$moor_repo_root/docker/provision-agents.sh"
}

. "$moor_repo_root/docker/provision-releases.sh"
moor_ensure_node && moor_ensure_engine && moor_ensure_in_parallel
