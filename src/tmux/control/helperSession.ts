// The sessions moor's control clients attach to (tmux has no client without a session): one per client, named
// _moor-control-<random>, never shared. A shared one crashed tmux 3.3a's server (every user session lost) when a new
// client attached to it just as the last one left and destroy-unattached destroyed it. Every list moor parses drops
// them (parsePaneList, parseSessionNames), so no verb shows one.
const HELPER_PREFIX = "_moor-control-";

export function isHelperSession(name: string): boolean {
  return name.startsWith(HELPER_PREFIX);
}

/** A fresh helper name: eight hex digits from random. */
export function helperSessionName(random: () => number = Math.random): string {
  return `${HELPER_PREFIX}${Math.floor(random() * 0x100000000)
    .toString(16)
    .padStart(8, "0")}`;
}
