import { unreachableError } from "./classifyError.js";
import type { LinkState } from "./linkState.js";
import type { ContactLink } from "./linkSlices.js";

// Aborts (with exit 3, "HOST unreachable: REASON") once the link has failed more than `retries` attempts since it was
// made: the holder's link retries forever but a command gives up as its own link would, and a link that retries
// forever (logs -f, attach) still fails like a one-shot command when the host was never reached (`untilUp`: once
// the link has been up, drops are retried forever as usual). stop() lets go of the link's events.
export function unreachableSignal(
  link: ContactLink,
  retries: number,
  options: { untilUp?: boolean } = {},
): { signal: AbortSignal; stop: () => void } {
  const controller = new AbortController();
  let failures = 0;
  const onState = (state: LinkState): void => {
    if (state.kind === "up" && options.untilUp) stop();
    else if (state.kind === "retrying" && ++failures > retries) {
      controller.abort(unreachableError(link.label, state.reason));
      stop();
    }
  };
  const stop = (): void => void link.events.off("state", onState);
  link.events.on("state", onState);
  return { signal: controller.signal, stop };
}
