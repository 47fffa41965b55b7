import { remoteError } from "../errors.js";
import { compareTmuxVersions } from "./version.js";
import type { TmuxVersion } from "./version.js";

interface FeatureNeed {
  major: number;
  minor: number;
  /** How the feature is named in the "too old" message. */
  what: string;
}

// What moor uses from tmux and the first release that has it (from tmux's CHANGES; behaviour checked on 3.1c, 3.3a,
// 3.5a and 3.8 by the compatibility suite).
// Entries not used by moor are kept to record why moor does it another way.
export const TMUX_FEATURES = {
  exactTargets: { major: 2, minor: 1, what: "exact targets (-t =name)" },
  namedBuffers: { major: 2, minor: 0, what: "named paste buffers (load-buffer -b)" },
  loadBufferStdin: { major: 1, minor: 3, what: "load-buffer from standard input" },
  bracketedPaste: { major: 1, minor: 7, what: "bracketed paste (paste-buffer -p)" },
  // Not used, like new-session -e: set-environment on the session reaches every pane, on any version.
  respawnEnv: { major: 3, minor: 0, what: "respawn-pane -e and new-window -e" },
  newSessionEnv: { major: 3, minor: 2, what: "new-session -e" },
  sessionSize: { major: 1, minor: 5, what: "new-session -x/-y" },
  displayPrint: { major: 1, minor: 2, what: "display-message -p" },
  captureEscapes: { major: 1, minor: 8, what: "capture-pane -p/-e" },
  captureWholeHistory: { major: 2, minor: 0, what: "capture-pane -S -" },
  // Not used: -J already keeps trailing spaces.
  captureTrailingSpaces: { major: 3, minor: 1, what: "capture-pane -N" },
  // Not in CHANGES; seen on the test boxes: 3.1c's capture-pane -J pads each line to the pane width, 3.3a's does not.
  captureUnpadded: { major: 3, minor: 2, what: "capture-pane -J without padding to the pane width" },
  remainOnExit: { major: 1, minor: 0, what: "remain-on-exit on" },
  // Not used: moor keeps every exited agent pane ("on"), so its exit status shows.
  remainOnExitFailed: { major: 3, minor: 2, what: "remain-on-exit failed" },
  // These two are missing from tmux's CHANGES, so they are listed at moor's floor: older releases were not checked.
  captureJoin: { major: 3, minor: 0, what: "capture-pane -J" },
  paneDeadStatus: { major: 3, minor: 0, what: "the pane_dead_status format" },
  listFormatRegex: { major: 3, minor: 0, what: "regular expressions in list formats (#{s/...})" },
  activityFormats: { major: 2, minor: 1, what: "the session_activity and window_activity formats" },
  // How a host tells moor of changes: one tmux -C client with refresh-client -B subscriptions, attach -f
  // ignore-size,no-output and pause-after (all 3.2; 3.1c refuses attach -f). Older releases are polled.
  controlSubscriptions: { major: 3, minor: 2, what: "control-mode subscriptions (refresh-client -B)" },
} as const satisfies Record<string, FeatureNeed>;

export type TmuxFeature = keyof typeof TMUX_FEATURES;

// The oldest tmux moor supports: the oldest release its CI runs against (3.1c, src/tmux/tested.ts). Every feature it
// relies on is older (the newest, regular expressions in list formats, came in 3.0), but 3.0 itself is not tested.
export const MIN_TMUX = { major: 3, minor: 1, text: "3.1" } as const;

export function supportsTmux(version: TmuxVersion, feature: TmuxFeature): boolean {
  return compareTmuxVersions(version, TMUX_FEATURES[feature]) >= 0;
}

// Refuses, before anything runs, a remote whose tmux lacks what the caller is about to use (exit 6).
export function requireTmux(version: TmuxVersion, feature: TmuxFeature | "moor", host: string): void {
  const need = feature === "moor" ? { ...MIN_TMUX, what: "its tmux commands" } : TMUX_FEATURES[feature];
  if (compareTmuxVersions(version, need) >= 0) return;
  throw remoteError(
    `tmux ${version.text} on ${host} is too old: moor needs tmux >= ${need.major}.${need.minor} for ${need.what}`,
    { hint: `upgrade tmux on ${host} (tmux ${MIN_TMUX.text} or newer), then retry` },
  );
}
