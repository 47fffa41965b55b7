import type { RemoteExec } from "../../link/remoteExec.js";
import type { MoorContext } from "../moorContext.js";
import type { SessionTarget } from "../target.js";
import { notFoundError, remoteError } from "../../errors.js";
import { checkCanCreate, createSession, type CreatedSession } from "./createSession.js";
import { learnConversation } from "./learnConversation.js";
import { readSessionStateArgv, STATE_EXIT } from "./remoteState.js";
import { launchCommand, resumableAgent, resumeCommand } from "./resumeCommand.js";
import { sessionTmuxArgv } from "./sessionPlan.js";
import { parseSessionSpec, type SessionSpec } from "./sessionSpec.js";
import { sessionSpecPath } from "./statePaths.js";
import { formatTarget } from "../target.js";
import { firstLine } from "../../text/firstLine.js";

/** What `moor new` left on the remote for a session: its spec and the resume ledger beside it. */
interface RecordedSession {
  spec: SessionSpec;
  /** Epoch ms of the launch on the remote's clock, when recorded. */
  launched: number | undefined;
  /** The conversation id learned after launch. */
  learnedId: string | undefined;
  /** The agent's --version at launch. */
  agentVersion: string | undefined;
}

// What `moor new` recorded, or undefined when there is none. Unreadable, corrupted or written by a newer moor is a
// remote failure (6) naming the file, which is left as it is.
async function readRecordedSession(link: RemoteExec, session: string): Promise<RecordedSession | undefined> {
  const path = `~/${sessionSpecPath(session)} on ${link.label}`;
  const separator = `--moor-${Math.random().toString(36).slice(2)}--`;
  const result = await link.exec(readSessionStateArgv(session, separator));
  if (result.code === STATE_EXIT.missing) return undefined;
  if (result.code !== 0) {
    const stderr = result.stderr.toString().trim();
    throw remoteError(`could not read ${path}: ${firstLine(stderr) || `exit ${String(result.code)}`}`);
  }
  const [specText = "", launched = "", learnedId = "", agentVersion = ""] = result.stdout
    .toString()
    .split(`\n${separator}\n`)
    .map((part) => part.trim());
  let spec: SessionSpec;
  try {
    spec = { ...parseSessionSpec(specText, path), session };
  } catch (error) {
    throw remoteError(error instanceof Error ? error.message : String(error), {
      hint: `the file is left as it is; move it away and start the session again with "moor new"`,
      cause: error,
    });
  }
  const ms = Number.parseInt(launched, 10);
  return {
    spec,
    launched: Number.isNaN(ms) ? undefined : ms,
    learnedId: learnedId === "" ? undefined : learnedId,
    agentVersion: agentVersion === "" ? undefined : agentVersion,
  };
}

/** How revive restarted the agent's conversation (null: not an agent moor resumes). */
interface ResumedConversation {
  agent: string;
  /** "own": its own conversation by id; "latest": the latest in the folder (id unknown, said on stderr); "fresh". */
  resumed: "own" | "latest" | "fresh";
  id: string | null;
  /** Why the own conversation could not be resumed, with "latest". */
  why: string | null;
  /** The agent's version when moor new started it. */
  agentVersion: string | null;
}

export interface RevivedSession extends CreatedSession {
  conversation: ResumedConversation | null;
}

// Recreates a vanished session from its recorded spec and restarts its command (same cwd and windows; the log is
// appended to): a known agent resumes its own conversation (by the id moor gave it at launch or learned after),
// else its latest in the folder, said in `conversation.why`; FRESH starts a new one, recorded as new's is. Refuses a
// session that still runs (exit 2), one that moor never recorded (5), and a recorded folder that is gone (6).
export async function reviveSession(
  ctx: MoorContext,
  target: SessionTarget,
  options: { fresh?: boolean; newId?: () => string } = {},
): Promise<RevivedSession> {
  const tmux = ctx.tmux(target.host);
  const { session } = target;
  const label = formatTarget(target);
  const [recorded] = await Promise.all([
    readRecordedSession(tmux.remote, session),
    checkCanCreate(tmux, session, label, "it is already running; nothing to revive"),
  ]);
  if (recorded === undefined) {
    throw notFoundError(
      `no recorded spec for ${label}: ~/${sessionSpecPath(session)} does not exist on ${tmux.host}`,
      `only sessions started with "moor new" can be revived; start it with "moor new ${label} -- COMMAND"`,
    );
  }
  const { spec } = recorded;
  const agentVersion = recorded.agentVersion ?? null;
  const create = (run: SessionSpec, command: string[] | undefined, record: boolean) =>
    createSession(tmux, run, sessionTmuxArgv(run, command), { target: label, record, revive: true });

  if (options.fresh === true) {
    const launch = launchCommand(spec.command, ctx.rules, spec.agent, options.newId ?? (() => crypto.randomUUID()));
    const { conversation: _old, ...rest } = spec;
    const run = launch.conversation === undefined ? rest : { ...rest, conversation: launch.conversation };
    const created = await create(run, launch.command, launch.conversation !== undefined);
    const conversation =
      launch.conversation === undefined
        ? null
        : {
            agent: launch.conversation.agent,
            resumed: "fresh" as const,
            id: launch.conversation.id ?? null,
            why: null,
            agentVersion,
          };
    return { ...created, conversation };
  }

  const agent = resumableAgent(spec.command, ctx.rules, spec.agent);
  let id = spec.conversation?.id ?? recorded.learnedId;
  let why: string | null = null;
  const learn = agent?.resume?.learn;
  if (id === undefined && agent !== undefined) {
    if (learn !== undefined && spec.conversation !== undefined && spec.command?.[0] !== undefined) {
      const learned = await learnConversation(tmux.remote, spec, spec.command[0], learn);
      if (learned.id === null) why = learned.why;
      else id = learned.id;
    } else {
      why = `moor new recorded no conversation id for it`;
    }
  }
  const plan = resumeCommand(spec.command, ctx.rules, { fresh: false, told: spec.agent, id });
  const created = await create(spec, plan.command, false);
  if (plan.resumed === null || plan.conversation === null) return { ...created, conversation: null };
  return {
    ...created,
    conversation: {
      agent: plan.resumed,
      resumed: plan.conversation,
      id: plan.id,
      why: plan.conversation === "latest" ? (why ?? "its conversation id is not known") : null,
      agentVersion,
    },
  };
}
