import { ONE_SHOT_RETRY, type LinkState } from "../../link/linkState.js";
import { unreachableError } from "../../link/classifyError.js";
import type { ContactLink } from "../../link/linkSlices.js";

// A link that retries forever (logs -f) should still fail like a one-shot command when the host was never reached
// at all: a host that is down from the start gives exit 3 after the one-shot budget instead of a silent wait.
// Once the link has been up, drops are retried forever as usual.
export async function withFirstContact<T>(
  link: ContactLink,
  work: Promise<T>,
  attempts = ONE_SHOT_RETRY.retries,
): Promise<T> {
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
