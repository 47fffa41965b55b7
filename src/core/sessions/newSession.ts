import type { MoorContext } from "../moorContext.js";
import type { SessionTarget } from "../target.js";
import { checkCanCreate, createSession, type CreatedSession } from "./createSession.js";
import { deliverAgentPrompt } from "./agentPrompt.js";
import { systemClock, type Clock } from "../../clock.js";
import { deliverPrompt, exitedBeforePrompt, type Readiness } from "./promptDelivery.js";
import { buildSessionSpec, sessionTmuxArgv, type NewSessionRequest } from "./sessionPlan.js";
import type { SessionSpec } from "./sessionSpec.js";
import type { AgentRules } from "../../state/index.js";
import { launchCommand, resumableAgent } from "./resumeCommand.js";
import type { RemoteExec } from "../../link/remoteExec.js";
import { recordAgentVersionArgv } from "./remoteState.js";
import { formatTarget } from "../target.js";

// What `moor new` prints (and --json emits).
export interface NewSessionResult extends CreatedSession {
  /** How long moor waited before pasting --prompt, and why it stopped waiting; null without --prompt. */
  prompt: Omit<Readiness, "status"> | null;
}

/** A `moor new` checked and built before any connection: bad names and windows are refused here (exit 2). */
export interface PlannedSession {
  spec: SessionSpec;
  tmuxArgv: string[];
}

// Everything `moor new` can check offline; call before asking for a link. An agent that takes its conversation's
// id at launch (agents.json "resume.launch") gets one chosen here and recorded in the spec, for revive.
export function planNewSession(
  request: NewSessionRequest,
  rules: AgentRules,
  now = new Date(),
  newId: () => string = () => crypto.randomUUID(),
): PlannedSession {
  const launch = launchCommand(request.command, rules, request.agent, newId);
  const spec = buildSessionSpec(request, now);
  const recorded = launch.conversation === undefined ? spec : { ...spec, conversation: launch.conversation };
  return { spec: recorded, tmuxArgv: sessionTmuxArgv(recorded, launch.command) };
}

// Creates the detached session (refusing a taken name, exit 2, untouched), records its spec for revive, and
// delivers the prompt once the agent is ready. Round trips: tmux -V with has-session, one create, the prompt's.
export async function newSession(
  ctx: MoorContext,
  target: SessionTarget,
  plan: PlannedSession,
  options: { prompt?: string; time?: Clock } = {},
): Promise<NewSessionResult> {
  const tmux = ctx.tmux(target.host);
  const label = formatTarget(target);
  await checkCanCreate(tmux, plan.spec.session, label, "left untouched");
  const created = await createSession(tmux, plan.spec, plan.tmuxArgv, { target: label, record: true });
  await recordAgentVersion(tmux.remote, plan.spec, ctx.rules);
  if (options.prompt === undefined) return { ...created, prompt: null };
  const time = options.time ?? systemClock;
  const readiness =
    (await deliverAgentPrompt(
      tmux,
      plan.spec.session,
      label,
      options.prompt,
      ctx.rules,
      time,
      undefined,
      plan.spec.agent,
    )) ?? (await deliverPrompt(tmux, plan.spec.session, label, options.prompt, time));
  if (readiness.state === "exited") throw exitedBeforePrompt(label, readiness.status);
  return { ...created, prompt: { state: readiness.state, waitedMs: readiness.waitedMs } };
}

// The agent's version, kept beside the spec with the conversation it started (run in the background on the remote:
// this returns at once). A failure to start it costs nothing but the record.
async function recordAgentVersion(remote: RemoteExec, spec: SessionSpec, rules: AgentRules): Promise<void> {
  const agent = resumableAgent(spec.command, rules, spec.agent);
  const version = agent?.resume?.version;
  const program = spec.command?.[0];
  if (spec.conversation === undefined || version === undefined || program === undefined) return;
  await remote.exec(recordAgentVersionArgv(spec.session, [program, ...version]));
}
