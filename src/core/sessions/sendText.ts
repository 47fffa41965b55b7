import { randomBytes } from "node:crypto";
import type { SessionTarget } from "../target.js";
import type { MoorContext } from "../moorContext.js";
import { validateKeyName } from "../../tmux/keys.js";
import { paneIdentityArgv, parsePaneIdentity, type PaneIdentity } from "../../tmux/paneIdentity.js";
import { pasteArgv } from "../../tmux/send.js";
import { sendInputArgv } from "../../tmux/sendInput.js";
import { paneTarget } from "../../tmux/target.js";
import { systemPollTime, type PollTime } from "./promptDelivery.js";
import { submitAfterEcho, type SubmitRule } from "./submitPaste.js";
import { formatTarget } from "../target.js";

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
  /** Set when text is followed by Enter: what an agent that needs Enter after the echo is sent instead. */
  submit?: { pane: string; bufferName: string; keys: string[] };
}

/** Which submit rule the program in a pane needs, if any (from the agent rules). */
export type SubmitRuleFor = (pane: PaneIdentity) => SubmitRule | undefined;

// A buffer name no other send (from this or another laptop) will use at the same time.
export const newBufferName = (): string => `moor-${randomBytes(6).toString("hex")}`;

// Checks the keys and builds the one tmux invocation, before any connection: a bad key is exit 2, not a remote error.
// The text goes through a paste buffer loaded from the channel's standard input, never on a command line.
export function planSend(request: SendRequest, bufferName: () => string = newBufferName): SendPlan {
  const keys = request.keys.map(validateKeyName);
  const { session, window } = request.target;
  const text = request.text !== undefined && request.text.length > 0 ? request.text : undefined;
  const pane = paneTarget(session, window);
  const buffer = text === undefined ? undefined : bufferName();
  const argv = sendInputArgv(pane, {
    ...(buffer === undefined ? {} : { bufferName: buffer }),
    enter: request.text !== undefined && request.enter,
    keys,
  });
  const plan: SendPlan = { host: request.target.host, argv, stdin: text, label: formatTarget(request.target) };
  return buffer !== undefined && request.enter ? { ...plan, submit: { pane, bufferName: buffer, keys } } : plan;
}

// Types the planned text and keys into the pane; a missing session or window is exit 5. Text followed by Enter
// into an agent that takes Enter with a paste is pasted first, and Enter pressed once the agent shows it.
export async function sendText(
  ctx: MoorContext,
  plan: SendPlan,
  options: { submitRuleFor?: SubmitRuleFor; time?: PollTime } = {},
): Promise<void> {
  const tmux = ctx.tmux(plan.host);
  const stdin = plan.stdin === undefined ? {} : { stdin: plan.stdin };
  if (plan.submit === undefined || options.submitRuleFor === undefined)
    return void (await tmux.run(plan.argv, { target: plan.label, ...stdin }));
  const { pane, bufferName, keys } = plan.submit;
  const identity = parsePaneIdentity(
    await tmux.run(paneIdentityArgv(pane), { target: plan.label, action: "looking at the pane" }),
  );
  const rule = options.submitRuleFor(identity);
  if (rule === undefined) return void (await tmux.run(plan.argv, { target: plan.label, ...stdin }));
  await tmux.run(pasteArgv(pane, bufferName), { target: plan.label, action: "pasting the text", ...stdin });
  await submitAfterEcho(tmux, { pane, label: plan.label }, identity.screen, rule, options.time ?? systemPollTime, keys);
}
