import { randomBytes } from "node:crypto";
import { remoteError } from "../../errors.js";
import { recognizeAgent, type Agent, type AgentRules } from "../../state/index.js";
import type { SessionTarget } from "../target.js";
import type { MoorContext } from "../moorContext.js";
import { validateKeyName } from "../../tmux/keys.js";
import { paneIdentityArgv, parsePaneIdentity } from "../../tmux/paneIdentity.js";
import { deleteBufferArgv, pasteArgv, pasteLoadedArgv } from "../../tmux/send.js";
import { sendOrLookArgv } from "../../tmux/sendOrLook.js";
import { sendInputArgv } from "../../tmux/sendInput.js";
import { paneTarget } from "../../tmux/target.js";
import { systemClock, type Clock } from "../../clock.js";
import { paneObservation } from "./agentSubmit.js";
import { lookAt, submitConfirmed, type AgentLook } from "./confirmSubmit.js";
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

export interface SendOptions {
  /** The agent rules: into a known agent, text is pasted, submitted and confirmed (see sendText). */
  rules?: AgentRules;
  /** Add to a half-written draft in the agent's input box instead of refusing. */
  force?: boolean;
  time?: Clock;
}

const quoteDraft = (text: string): string => {
  const line = text.replaceAll("\n", " ").trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
};

// Nothing is typed into an agent that asks a question, nor into a draft the user left in its input box.
function refuseUnsafe(label: string, agent: Agent, seen: AgentLook, force: boolean): void {
  if (seen.decision.state === "asking")
    throw remoteError(`${label}: ${agent.label} is asking a question; nothing typed`, {
      hint: `moor status ${label} shows the question; answer it with moor answer ${label} CHOICE`,
    });
  if (!force && seen.box !== undefined && seen.box !== "")
    throw remoteError(`${label}: box has a half-written prompt: '${quoteDraft(seen.box)}'; --force to add to it`, {
      hint: `nothing typed; moor attach ${label} to finish or clear it`,
    });
}

// The programs that may be an agent: their panes are looked at before anything is typed.
const agentPrograms = (rules: AgentRules): string[] =>
  rules.agents.flatMap((agent) => [...agent.commands, ...(agent.screen?.commands ?? [])]);

// Types the planned text and keys into the pane; a missing session or window is exit 5. Text followed by Enter goes
// in one invocation that pastes and presses Enter unless the pane's program may be an agent; then it only looks
// (the text loaded in a buffer). Into a known agent the text is pasted and Enter pressed once the agent shows it;
// into one with an input box rule, only after checking that it is not asking and that its box holds no draft, and
// it returns only once the agent took the prompt (confirmSubmit.ts).
export async function sendText(ctx: MoorContext, plan: SendPlan, options: SendOptions = {}): Promise<void> {
  const tmux = ctx.tmux(plan.host);
  const stdin = plan.stdin === undefined ? {} : { stdin: plan.stdin };
  const rules = options.rules;
  if (plan.submit === undefined || rules === undefined)
    return void (await tmux.run(plan.argv, { target: plan.label, ...stdin }));
  const { pane, bufferName, keys } = plan.submit;
  const time = options.time ?? systemClock;
  const loaded = keys.length === 0;
  const output = loaded
    ? await tmux.run(sendOrLookArgv(pane, bufferName, agentPrograms(rules)), { target: plan.label, ...stdin })
    : await tmux.run(paneIdentityArgv(pane), { target: plan.label, action: "looking at the pane" });
  if (loaded && output === "") return;
  const identity = parsePaneIdentity(output);
  const agent = recognizeAgent(paneObservation(identity, 0), rules)?.agent;
  if (agent === undefined || (agent.submit === undefined && agent.input === undefined))
    return void (await tmux.run(loaded ? pasteLoadedArgv(pane, bufferName, ["Enter"]) : plan.argv, {
      target: plan.label,
      ...(loaded ? {} : stdin),
    }));
  const before = lookAt(identity, agent, rules, time.now());
  try {
    refuseUnsafe(plan.label, agent, before, options.force === true);
  } catch (error) {
    if (loaded) await tmux.run(deleteBufferArgv(bufferName), { target: plan.label, action: "dropping the text" });
    throw error;
  }
  await tmux.run(loaded ? pasteLoadedArgv(pane, bufferName) : pasteArgv(pane, bufferName), {
    target: plan.label,
    action: "pasting the text",
    ...(loaded ? {} : stdin),
  });
  if (agent.input !== undefined)
    return submitConfirmed({ tmux, pane, label: plan.label, agent, rules, time }, before, keys);
  const rule: SubmitRule = agent.submit ?? { settleMs: 0, maxWaitMs: 0 };
  await submitAfterEcho(tmux, { pane, label: plan.label }, identity.screen, rule, time, keys);
}
