import type { LinkState } from "../link/linkState.js";

const NOTICE_AFTER_MS = 1_000;

// What a one-shot command says on stderr while a host does not answer: nothing for the first second (a blip), then
// one line per retry, e.g. "box3: link down, retrying (attempt 2, next in 1 s)".
export function linkTroubleText(host: string, state: LinkState): string | undefined {
  switch (state.kind) {
    case "retrying":
      return `${host}: link down, retrying (attempt ${String(state.attempt + 1)}, next in ${String(Math.max(1, Math.round(state.nextDelayMs / 1000)))} s)`;
    case "down":
      return `${host}: link down, reconnecting`;
    case "quiet":
      return `${host}: no answer, waiting for the link`;
    default:
      return undefined;
  }
}

// Says a host's trouble once it has lasted a second, and each retry after that, through `say` (a progress line:
// on a terminal or with -v only).
export function linkTroubleReporter(say: (message: string) => void, timers: { set: (fn: () => void, ms: number) => () => void } = realTimers): (host: string, state: LinkState) => void {
  const hosts = new Map<string, { latest: LinkState; shown: boolean; cancel: () => void }>();
  return (host, state) => {
    const text = linkTroubleText(host, state);
    const known = hosts.get(host);
    if (text === undefined) {
      if (state.kind === "connecting" && known) return void (known.latest = state);
      known?.cancel();
      hosts.delete(host);
      return;
    }
    if (known) {
      known.latest = state;
      if (known.shown) say(text);
      return;
    }
    const entry = { latest: state, shown: false, cancel: () => undefined as void };
    entry.cancel = timers.set(() => {
      entry.shown = true;
      const latest = linkTroubleText(host, entry.latest);
      if (latest !== undefined) say(latest);
    }, NOTICE_AFTER_MS);
    hosts.set(host, entry);
  };
}

const realTimers = {
  set: (fn: () => void, ms: number): (() => void) => {
    const timer = setTimeout(fn, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};
