import type { HostLink } from "../../link/hostLink.js";
import type { LinkState } from "../../link/linkState.js";
import { hasAttachTargetArgv } from "../../tmux/attach.js";
import { ExitCode, MoorError } from "../../errors.js";
import type { SessionTarget } from "../names.js";
import { RemoteTmux } from "../remoteTmux.js";

/** Failed connection attempts before a first attach gives up (a link that was up is retried forever). */
export const FIRST_CONNECT_ATTEMPTS = 4;

// Before the terminal goes raw: the target must exist (exit 5), and a host that cannot be reached at all
// fails like any other command (exit 3) instead of retrying forever with nothing on the screen.
// Resolves false when the signal stopped it first (Ctrl-C while connecting).
export async function checkTarget(link: HostLink, target: SessionTarget, label: string, signal?: AbortSignal): Promise<boolean> {
  const tmux = new RemoteTmux(link);
  const stops: (() => void)[] = [];
  const givenUp = new Promise<never>((_resolve, reject) => {
    const onState = (state: LinkState): void => {
      if (state.kind === "retrying" && state.attempt >= FIRST_CONNECT_ATTEMPTS) reject(unreachable(link.label, state.reason));
    };
    link.events.on("state", onState);
    stops.push(() => link.events.off("state", onState));
  });
  const aborted = new Promise<false>((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = (): void => resolve(false);
    signal?.addEventListener("abort", onAbort, { once: true });
    stops.push(() => signal?.removeEventListener("abort", onAbort));
  });
  const check = tmux.run(hasAttachTargetArgv(target.session, target.window), { target: label, action: "checking the session before attaching" }).then(() => true);
  try {
    return await Promise.race([check, givenUp, aborted]);
  } finally {
    for (const stop of stops) stop();
  }
}

function unreachable(host: string, reason: string): MoorError {
  return new MoorError(`${host} unreachable: ${reason}`, ExitCode.unreachable, {
    hint: `check that ${host} is up and reachable; "moor host test ${host}" shows each step`,
  });
}
