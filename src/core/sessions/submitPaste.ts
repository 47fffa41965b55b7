import type { RemoteTmux } from "../remoteTmux.js";
import type { Clock } from "../../clock.js";
import { captureScreenArgv } from "../../tmux/paneIdentity.js";
import { sendKeysArgv } from "../../tmux/send.js";

/**
 * How an agent takes a paste and then Enter (agents.json, "submit"). Gemini CLI takes an Enter that arrives
 * right after a paste as part of the paste, and Codex one that comes with typed text: Enter is pressed only
 * once the agent shows what was pasted (its screen changed, then stayed still for settleMs), or after maxWaitMs.
 */
export interface SubmitRule {
  settleMs: number;
  maxWaitMs: number;
}

const POLL_MS = 100;

// Waits until the screen has taken in the paste: changed from BEFORE, then still for settleMs (or maxWaitMs).
export async function waitForEcho(
  look: () => Promise<string>,
  before: string,
  rule: SubmitRule,
  time: Clock,
): Promise<{ echoed: boolean; waitedMs: number }> {
  const start = time.now();
  let last = before;
  let since = start;
  let changed = false;
  for (;;) {
    await time.sleep(POLL_MS);
    const screen = await look();
    const now = time.now();
    if (screen !== last) [last, since, changed] = [screen, now, true];
    if (changed && now - since >= rule.settleMs) return { echoed: true, waitedMs: now - start };
    if (now - start >= rule.maxWaitMs) return { echoed: changed, waitedMs: now - start };
  }
}

// Enter (then any keys) once the agent shows the paste that was just made into TARGET.
export async function submitAfterEcho(
  tmux: RemoteTmux,
  target: { pane: string; label: string },
  before: string,
  rule: SubmitRule,
  time: Clock,
  keys: readonly string[],
): Promise<void> {
  const look = (): Promise<string> =>
    tmux.run(captureScreenArgv(target.pane), {
      target: target.label,
      action: "waiting for the agent to show the text",
    });
  await waitForEcho(look, before, rule, time);
  await tmux.run(sendKeysArgv(target.pane, ["Enter", ...keys]), { target: target.label, action: "pressing Enter" });
}
