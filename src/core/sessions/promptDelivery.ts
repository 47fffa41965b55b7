import { systemClock, type Clock } from "../../clock.js";
import { randomBytes } from "node:crypto";
import { paneSnapshotArgv, parsePaneSnapshot, type PaneSnapshot } from "../../tmux/paneSnapshot.js";
import { pasteArgv } from "../../tmux/send.js";
import { paneTarget } from "../../tmux/target.js";
import { remoteError } from "../../errors.js";
import type { RemoteTmux } from "../remoteTmux.js";

// How long "ready" takes to judge; the defaults suit agents that draw a prompt and wait.
export interface ReadyTiming {
  /** The screen unchanged this long, once it shows something, means the agent is waiting for input. */
  quietMs: number;
  /** A screen still blank after this long: the agent draws nothing before its first input. */
  blankMs: number;
  /** Deliver anyway after this long (an agent with a spinner or clock is never quiet). */
  timeoutMs: number;
  pollMs: number;
  /** tmux can mark a pane dead a moment before it has reaped the child: wait this long for the exit status. */
  deadStatusMs: number;
}

// ~1.5 s of quiet (5 s if nothing was ever drawn), 20 s at most.
export const READY_TIMING: ReadyTiming = {
  quietMs: 1_500,
  blankMs: 5_000,
  timeoutMs: 20_000,
  pollMs: 250,
  deadStatusMs: 3_000,
};

// Why waiting stopped, and after how long.
export type Readiness =
  { state: "quiet" | "timeout"; waitedMs: number } | { state: "exited"; status: number | undefined; waitedMs: number };

// Polls the pane until the agent is ready for its prompt: output gone quiet, or the timeout; or it has exited.
export async function waitUntilReady(
  look: () => Promise<PaneSnapshot>,
  time: Clock = systemClock,
  timing: ReadyTiming = READY_TIMING,
): Promise<Readiness> {
  const start = time.now();
  let last: string | undefined;
  let since = start;
  let deadSince: number | undefined;
  for (;;) {
    const snapshot = await look();
    const now = time.now();
    const waitedMs = now - start;
    if (snapshot.dead) {
      deadSince ??= now;
      if (snapshot.deadStatus !== undefined || now - deadSince >= timing.deadStatusMs)
        return { state: "exited", status: snapshot.deadStatus, waitedMs };
      await time.sleep(timing.pollMs);
      continue;
    }
    const seen = `${snapshot.cursor}\n${snapshot.screen}`;
    if (seen !== last) [last, since] = [seen, now];
    const needed = snapshot.screen.trim() === "" ? timing.blankMs : timing.quietMs;
    if (now - since >= needed) return { state: "quiet", waitedMs };
    if (waitedMs >= timing.timeoutMs) return { state: "timeout", waitedMs };
    await time.sleep(timing.pollMs);
  }
}

// The command ended before --prompt could be typed (exit 6).
export function exitedBeforePrompt(target: string, status: number | undefined): Error {
  const how = status === undefined ? "" : ` with status ${String(status)}`;
  return remoteError(`${target} was created, but its command exited${how} before the prompt could be delivered`, {
    hint: `see what it printed with "moor peek ${target}"`,
  });
}

// Waits for the session's first pane to be ready, then pastes the prompt (bracketed when the agent asked for it)
// from the channel's stdin, so it is never on a command line, and presses Enter.
export async function deliverPrompt(
  tmux: RemoteTmux,
  session: string,
  target: string,
  prompt: string,
  time: Clock = systemClock,
): Promise<Readiness> {
  const pane = paneTarget(session);
  const look = async () =>
    parsePaneSnapshot(await tmux.run(paneSnapshotArgv(pane), { target, action: "waiting for the agent to be ready" }));
  const readiness = await waitUntilReady(look, time);
  if (readiness.state === "exited") throw exitedBeforePrompt(target, readiness.status);
  const buffer = `moor-prompt-${randomBytes(6).toString("hex")}`;
  await tmux.run(pasteArgv(pane, buffer, { enter: true }), { target, action: "delivering the prompt", stdin: prompt });
  return readiness;
}
