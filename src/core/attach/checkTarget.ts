import type { HostLink } from "../../link/hostLink.js";
import { hasAttachTargetArgv } from "../../tmux/attach.js";
import type { SessionTarget } from "../target.js";
import { RemoteTmux } from "../remoteTmux.js";
import { ONE_SHOT_RETRY } from "../../link/linkState.js";
import { unreachableSignal } from "../../link/unreachableSignal.js";
import { untilAborted } from "../../link/untilAborted.js";

// Before the terminal goes raw: the target must exist (exit 5), and a host that cannot be reached at all
// fails like any other command (exit 3) instead of retrying forever with nothing on the screen.
// Resolves false when the signal stopped it first (Ctrl-C while connecting).
export async function checkTarget(
  link: HostLink,
  target: SessionTarget,
  label: string,
  signal?: AbortSignal,
): Promise<boolean> {
  const tmux = new RemoteTmux(link);
  const check = tmux
    .run(hasAttachTargetArgv(target.session, target.window), {
      target: label,
      action: "checking the session before attaching",
    })
    .then(() => true);
  const contact = unreachableSignal(link, ONE_SHOT_RETRY.retries, { untilUp: true });
  try {
    return await untilAborted(check, signal === undefined ? contact.signal : AbortSignal.any([signal, contact.signal]));
  } catch (error) {
    if (signal?.aborted) return false;
    throw error;
  } finally {
    contact.stop();
  }
}
