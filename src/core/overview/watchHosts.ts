import type { Clock } from "../../clock.js";
import type { WatchedLink } from "../../link/linkSlices.js";
import type { LinkState } from "../../link/linkState.js";
import { pollChanges, type HostChanges } from "./hostChanges.js";
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
  /** How the host tells of changes (and is read then); a poll of run every interval when absent. */
  changes?: HostChanges;
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
  changes: HostChanges;
  poller: HostPoller;
  link: LinkState;
  downSince?: number;
  /** A wake, or the link's coming up (or moving to a new path), came during a read: read again right after it. */
  again?: boolean;
}

// "Down since": when the link was lost, kept through the retries until it is up again.
function nextDownSince(entry: Entry, state: LinkState, now: number): number | undefined {
  if (state.kind === "up" || state.kind === "quiet") return undefined;
  if (state.kind === "down") return entry.downSince ?? state.since;
  if (state.kind === "retrying" || state.kind === "failed") return entry.downSince ?? now;
  return entry.downSince;
}

// Reads a host whenever its HostChanges says it may have changed (every interval for a polled host; never two
// reads of a host at once) and reports a new snapshot after each read and each link state change. Pure with
// respect to time: every timer comes from the injected clock.
export function watchHosts(sources: readonly WatchSource[], options: WatchOptions): HostWatch {
  const { clock } = options;
  const entries: Entry[] = sources.map((source) => {
    const changes = source.changes ?? pollChanges(source.link, source.run, clock, options.intervalMs);
    return { source, changes, link: changes.link.state, poller: poller(source, changes, options) };
  });
  let stopped = false;
  const snapshot = (): WatchSnapshot => ({ at: clock.now(), hosts: entries.map(view) });
  const changed = (): void => {
    if (!stopped) options.onChange(snapshot());
  };
  const later = (entry: Entry, ms: number): void => {
    const cancel = clock.every(ms, () => {
      cancel();
      if (!stopped) poll(entry);
    });
  };
  // A state the debounce holds back is confirmed by a read soon after, not a whole interval later; a pushing host
  // is read again a second later while a screen read may have missed output (it sends nothing more if none came).
  // A pushing host that changes during a read is read again right after it: nothing else would tell of the change.
  const poll = (entry: Entry): void => {
    const pushed = entry.changes.source === "control";
    if (pushed && entry.poller.busy) {
      entry.again = true;
      return;
    }
    void entry.poller.poll().then((ran) => {
      if (!ran) return;
      changed();
      if (stopped) return;
      if (entry.again) {
        entry.again = false;
        return poll(entry);
      }
      const confirmAfter = entry.poller.confirmAfterMs;
      if (confirmAfter !== undefined && (pushed || confirmAfter < options.intervalMs)) later(entry, confirmAfter);
      else if (pushed && entry.poller.unsettled) later(entry, options.intervalMs);
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
    entry.changes.link.events.on("state", listener);
    return () => entry.changes.link.events.off("state", listener);
  });
  for (const entry of entries) entry.changes.start(() => poll(entry));
  return {
    snapshot,
    retryNow: () => {
      for (const entry of entries) entry.changes.link.retryNow();
      entries.forEach(poll);
    },
    stop: () => {
      stopped = true;
      for (const entry of entries) entry.changes.stop();
      listeners.forEach((off) => off());
    },
  };
}

function poller(source: WatchSource, changes: HostChanges, options: WatchOptions): HostPoller {
  return new HostPoller({
    host: source.host,
    run: changes.run,
    nowMs: () => options.clock.now(),
    keepLines: options.keepLines ?? 50,
    ...(source.only ? { only: new Set(source.only) } : {}),
    ...(options.idleAfterSeconds === undefined ? {} : { idleAfterSeconds: options.idleAfterSeconds }),
    ...(options.rules === undefined ? {} : { rules: options.rules }),
  });
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
