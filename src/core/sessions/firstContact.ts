import type { EventEmitter } from "node:events";
import { ONE_SHOT_RETRY, type LinkState } from "../../link/linkState.js";
import { unreachableError } from "../../link/classifyError.js";

// What is watched: a HostLink's label and state events.
export interface WatchedLink {
  readonly label: string;
  readonly events: EventEmitter<{ state: [LinkState] }>;
}

// A link that retries forever (logs -f) should still fail like a one-shot command when the host was never reached
// at all: a host that is down from the start gives exit 3 after the one-shot budget instead of a silent wait.
// Once the link has been up, drops are retried forever as usual.
export async function withFirstContact<T>(link: WatchedLink, work: Promise<T>, attempts = ONE_SHOT_RETRY.retries): Promise<T> {
  let onState: (state: LinkState) => void = () => undefined;
  const gaveUp = new Promise<never>((_resolve, reject) => {
    onState = (state) => {
      if (state.kind === "up") link.events.off("state", onState);
      else if (state.kind === "retrying" && state.attempt > attempts) {
        reject(unreachableError(link.label, state.reason));
      }
    };
    link.events.on("state", onState);
  });
  try {
    return await Promise.race([work, gaveUp]);
  } finally {
    link.events.off("state", onState);
  }
}
