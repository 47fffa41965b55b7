// What a HostLink reports upward, for the UI and for --json event streams.
export type LinkState =
  | { kind: "idle" }
  | { kind: "connecting"; attempt: number }
  | { kind: "up"; since: number; switchedPath?: PathSwitch }
  | { kind: "quiet"; lastContact: number }
  | { kind: "down"; since: number; lastContact: number; reason: string }
  | { kind: "retrying"; attempt: number; nextDelayMs: number; nextAt: number; reason: string }
  | { kind: "failed"; reason: string; exitCode: number }
  | { kind: "closed" };

// The link moved to a new connection while the old one was silent (a roam, an address change): when, how long the
// old one had been silent, and what started the new one (the silence, or a change of the laptop's network).
export interface PathSwitch {
  at: number;
  silentMs: number;
  trigger: "silence" | "network";
}

export interface RetryPolicy {
  /** Attempts after the first; Infinity for the live view and attach. */
  retries: number;
  minDelayMs: number;
  maxDelayMs: number;
  factor: number;
}

export const ONE_SHOT_RETRY: RetryPolicy = { retries: 3, minDelayMs: 300, maxDelayMs: 3_000, factor: 2 };
/** A one-shot command's own link gives each attempt this long to connect, unless its use case says otherwise. */
export const ONE_SHOT_READY_TIMEOUT_MS = 10_000;

/** How a one-shot command waits for a host: the retries and handshake timeout its own link would use. */
export interface WaitBudget {
  retries: number;
  /** How long its own link would take to call a silent host unreachable (unreachableAfterMs). */
  deadlineMs: number;
}

// How long a one-shot command's own link takes to call a silent host (a dark network: every attempt waits out its
// handshake) unreachable: each attempt's timeout and the backoff between them, without jitter. The background holder
// answers for a host within the same time, so a dark host costs the same with it as without it.
export function unreachableAfterMs(retry: RetryPolicy, readyTimeoutMs: number): number {
  let total = readyTimeoutMs;
  let delay = retry.minDelayMs;
  for (let attempt = 0; attempt < retry.retries; attempt++) {
    total += Math.min(delay, retry.maxDelayMs) + readyTimeoutMs;
    delay *= retry.factor;
  }
  return total;
}
// For the live view, attach and logs -f: keep trying, never more than about 2 s apart (jitter doubles at most).
export const FOREVER_RETRY: RetryPolicy = {
  retries: Number.POSITIVE_INFINITY,
  minDelayMs: 250,
  maxDelayMs: 1_000,
  factor: 2,
};
