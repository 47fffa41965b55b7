import type { LinkState } from "../../link/linkState.js";
import type { SessionSummary } from "./sessionSummary.js";

// A session as the live view knows it: the summary, plus the headline pane's last lines (the latest is `line`).
export interface WatchedSession extends SessionSummary {
  line: string;
  /** The last lines of the headline pane, oldest first, for the peek panel. */
  lines: string[];
}

// One host in the live view. Its sessions are the last ones seen: stale while the link is not up.
export interface HostView {
  host: string;
  link: LinkState;
  /** Epoch ms when the host was last lost (undefined while it is up, or before it was ever reached). */
  downSince?: number;
  /** Epoch ms of the last successful poll. */
  lastContact?: number;
  /** Whether a poll has ever succeeded, i.e. `sessions` means something. */
  polled: boolean;
  sessions: WatchedSession[];
  /** Why the last poll failed, when the link itself did not say (tmux missing, auth refused). */
  error?: string;
}

// Everything the view draws and --json diffs, at one moment.
export interface WatchSnapshot {
  at: number;
  hosts: HostView[];
}

// A host's sessions cannot be trusted as current: the link is not up, or the last poll failed.
export function isStale(host: HostView): boolean {
  return (host.link.kind !== "up" && host.link.kind !== "quiet") || host.error !== undefined;
}
