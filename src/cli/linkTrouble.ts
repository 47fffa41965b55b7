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

// Says a host's trouble on stderr through `say` (a progress line: on a terminal or with -v only). "quiet" and "down"
// already mean seconds without a byte from the host, so they are said at once; retries are said once the trouble has
// lasted a second (a refused first attempt that works on the next is a blip), then each one.
export function linkTroubleReporter(
  say: (message: string) => void,
  timers: { set: (fn: () => void, ms: number) => () => void } = realTimers,
): (host: string, state: LinkState) => void {
  const episodes = new Map<string, { latest: LinkState; shown: boolean; said?: string; cancel: () => void }>();
  return (host, state) => {
    const episode = episodes.get(host);
    if (state.kind === "connecting") {
      if (episode) episode.latest = state;
      return;
    }
    const text = linkTroubleText(host, state);
    if (text === undefined) {
      episode?.cancel();
      episodes.delete(host);
      return;
    }
    const current = episode ?? { latest: state, shown: false, cancel: () => undefined };
    current.latest = state;
    episodes.set(host, current);
    if (current.shown || state.kind !== "retrying") {
      current.cancel();
      current.shown = true;
      // The same words twice in a row say nothing new (the holder's "no answer" after a second, then the link's).
      if (text === current.said) return;
      current.said = text;
      return say(text);
    }
    if (episode) return;
    current.cancel = timers.set(() => {
      current.shown = true;
      const latest = linkTroubleText(host, current.latest);
      if (latest === undefined) return;
      current.said = latest;
      say(latest);
    }, NOTICE_AFTER_MS);
  };
}

const realTimers = {
  set: (fn: () => void, ms: number): (() => void) => {
    const timer = setTimeout(fn, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};
