import { randomBytes } from "node:crypto";
import type { SessionTarget } from "../names.js";
import type { MoorContext } from "../moorContext.js";
import { validateKeyName } from "../../tmux/keys.js";
import { sendInputArgv } from "../../tmux/sendInput.js";
import { paneTarget } from "../../tmux/target.js";
import { targetLabel } from "./targetLabel.js";

export interface SendRequest {
  target: SessionTarget;
  /** The exact bytes to type; undefined when only keys are sent. */
  text: Buffer | undefined;
  /** Press Enter after the text. */
  enter: boolean;
  keys: readonly string[];
}

export interface SendPlan {
  host: string;
  argv: string[];
  stdin: Buffer | undefined;
  /** HOST:SESSION[:WINDOW], for messages. */
  label: string;
}

// A buffer name no other send (from this or another laptop) will use at the same time.
export const newBufferName = (): string => `moor-${randomBytes(6).toString("hex")}`;

// Checks the keys and builds the one tmux invocation, before any connection: a bad key is exit 2, not a remote error.
// The text goes through a paste buffer loaded from the channel's standard input, never on a command line.
export function planSend(request: SendRequest, bufferName: () => string = newBufferName): SendPlan {
  const keys = request.keys.map(validateKeyName);
  const { session, window } = request.target;
  const text = request.text !== undefined && request.text.length > 0 ? request.text : undefined;
  const argv = sendInputArgv(paneTarget(session, window), {
    ...(text === undefined ? {} : { bufferName: bufferName() }),
    enter: request.text !== undefined && request.enter,
    keys,
  });
  return { host: request.target.host, argv, stdin: text, label: targetLabel(request.target) };
}

// Types the planned text and keys into the pane; a missing session or window is exit 5.
export async function sendText(ctx: MoorContext, plan: SendPlan): Promise<void> {
  await ctx.tmux(plan.host).run(plan.argv, { target: plan.label, ...(plan.stdin === undefined ? {} : { stdin: plan.stdin }) });
}
