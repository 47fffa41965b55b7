import type { Clock } from "../clock.js";
import { unreachableError } from "../link/classifyError.js";
import type { HostLink } from "../link/hostLink.js";
import type { LinkState, WaitBudget } from "../link/linkState.js";
import { unreachableSignal } from "../link/unreachableSignal.js";
import { untilAborted } from "../link/untilAborted.js";

const NOTICE_AFTER_MS = 1_000;

// The holder's link retries forever; a command waits for it no longer than its direct link would, with the same
// exit 3: after as many failed attempts (counted from when it asked), and at most the time its direct link takes to
// call a silent host unreachable (a dark network keeps a warm link "up" for seconds, with no answer to anything).
// The deadline ends when the host opens the command's channel: from then on the command runs as long as it runs.
// A command still waiting after a second says so, as a direct one does ("box3: no answer, waiting for the link").
export async function withinBudget<T>(
  link: HostLink,
  work: Promise<T>,
  budget: WaitBudget & { opened: AbortSignal; clock: Clock; onLink: (state: LinkState) => void },
): Promise<T> {
  let troubled = false;
  const onState = (state: LinkState): void => {
    troubled ||= state.kind === "quiet" || state.kind === "down" || state.kind === "retrying";
  };
  link.events.on("state", onState);
  const stops: (() => void)[] = [];
  const once = (ms: number, fn: () => void): void => {
    const stop = budget.clock.every(ms, () => {
      stop();
      if (!budget.opened.aborted) fn();
    });
    stops.push(stop);
  };
  budget.opened.addEventListener("abort", () => stops.forEach((stop) => stop()), { once: true });
  once(NOTICE_AFTER_MS, () => {
    if (troubled) return;
    const state = link.state;
    const saysTrouble = state.kind === "quiet" || state.kind === "down" || state.kind === "retrying";
    budget.onLink(saysTrouble ? state : { kind: "quiet", lastContact: link.lastContact ?? budget.clock.now() });
  });
  const deadline = new AbortController();
  once(budget.deadlineMs, () => deadline.abort(unreachableError(link.label, "connection timed out")));
  const failed = unreachableSignal(link, budget.retries);
  try {
    return await untilAborted(work, AbortSignal.any([failed.signal, deadline.signal]));
  } finally {
    failed.stop();
    link.events.off("state", onState);
    stops.forEach((stop) => stop());
  }
}
