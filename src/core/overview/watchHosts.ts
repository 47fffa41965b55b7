import type { Clock } from "../../clock.js";
import type { WatchedLink } from "../../link/linkSlices.js";
import type { LinkState } from "../../link/linkState.js";
import { HostPoller } from "./hostPoller.js";
import type { TmuxRunner } from "./listHosts.js";
import type { HostView, WatchSnapshot } from "./watchTypes.js";
import type { AgentRules } from "../../state/index.js";

export interface WatchSource {
  host: string;
  link: WatchedLink;
  run: TmuxRunner;
  /** Only these sessions; every session of the host when absent. */
  only?: readonly string[];
}

export interface WatchOptions {
  clock: Clock;
  intervalMs: number;
  /** Lines of each headline pane kept for peek. Default 50. */
  keepLines?: number;
  idleAfterSeconds?: number;
  rules?: AgentRules;
  onChange: (snapshot: WatchSnapshot) => void;
}

// The running live view's engine, for the UI: the current picture, and a way to stop.
export interface HostWatch {
  snapshot(): WatchSnapshot;
  /** The network changed or the laptop woke: reconnect at once and poll everything. */
  retryNow(): void;
  stop(): void;
}

interface Entry {
  source: WatchSource;
  poller: HostPoller;
  link: LinkState;
  downSince?: number;
  /** The link came up (or moved to a new path) during a poll: poll again as soon as that one ends. */
  again?: boolean;
}

// "Down since": when the link was lost, kept through the retries until it is up again.
function nextDownSince(entry: Entry, state: LinkState, now: number): number | undefined {
  if (state.kind === "up" || state.kind === "quiet") return undefined;
  if (state.kind === "down") return entry.downSince ?? state.since;
  if (state.kind === "retrying" || state.kind === "failed") return entry.downSince ?? now;
  return entry.downSince;
}

// Polls every host each interval (never two polls of a host at once) and reports a new snapshot after each
// poll and each link state change. Pure with respect to time: every timer comes from the injected clock.
export function watchHosts(sources: readonly WatchSource[], options: WatchOptions): HostWatch {
  const { clock } = options;
  const entries: Entry[] = sources.map((source) => ({
    source,
    link: source.link.state,
    poller: new HostPoller({
      host: source.host,
      run: source.run,
      nowMs: () => clock.now(),
      keepLines: options.keepLines ?? 50,
      ...(source.only ? { only: new Set(source.only) } : {}),
      ...(options.idleAfterSeconds === undefined ? {} : { idleAfterSeconds: options.idleAfterSeconds }),
      ...(options.rules === undefined ? {} : { rules: options.rules }),
    }),
  }));
  let stopped = false;
  const snapshot = (): WatchSnapshot => ({ at: clock.now(), hosts: entries.map(view) });
  const changed = (): void => {
    if (!stopped) options.onChange(snapshot());
  };
  // A state the debounce holds back is confirmed by a poll soon after, not a whole interval later.
  const poll = (entry: Entry): void => {
    void entry.poller.poll().then((ran) => {
      if (!ran) return;
      changed();
      if (entry.again && !stopped) {
        entry.again = false;
        return poll(entry);
      }
      const confirmAfter = entry.poller.confirmAfterMs;
      if (confirmAfter === undefined || stopped || confirmAfter >= options.intervalMs) return;
      const cancel = clock.every(confirmAfter, () => {
        cancel();
        if (!stopped) poll(entry);
      });
    });
  };
  const listeners = entries.map((entry) => {
    const listener = (state: LinkState): void => {
      entry.downSince = nextDownSince(entry, state, clock.now());
      entry.link = state;
      changed();
      if (state.kind !== "up") return;
      if (entry.poller.busy) entry.again = true;
      else poll(entry);
    };
    entry.source.link.events.on("state", listener);
    return () => entry.source.link.events.off("state", listener);
  });
  const stopTicking = clock.every(options.intervalMs, () => entries.forEach(poll));
  entries.forEach(poll);
  return {
    snapshot,
    retryNow: () => {
      for (const entry of entries) entry.source.link.retryNow();
      entries.forEach(poll);
    },
    stop: () => {
      stopped = true;
      stopTicking();
      listeners.forEach((off) => off());
    },
  };
}

function view(entry: Entry): HostView {
  const { poller } = entry;
  return {
    host: entry.source.host,
    link: entry.link,
    ...(entry.downSince === undefined ? {} : { downSince: entry.downSince }),
    polled: poller.polled,
    ...(poller.lastContact === undefined ? {} : { lastContact: poller.lastContact }),
    sessions: poller.sessions,
    ...(poller.error === undefined ? {} : { error: poller.error }),
  };
}
