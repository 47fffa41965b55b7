import type { RemoteExec } from "../../link/remoteExec.js";
import type { MoorContext } from "../moorContext.js";
import type { SessionTarget } from "../names.js";
import { notFoundError, remoteError } from "../../errors.js";
import { checkCanCreate, createSession, type CreatedSession } from "./createSession.js";
import { resumeCommand } from "./resumeCommand.js";
import { sessionTmuxArgv } from "./sessionPlan.js";
import { parseSessionSpec, type SessionSpec } from "./sessionSpec.js";
import { sessionSpecPath } from "./statePaths.js";
import { targetLabel } from "./targetLabel.js";
import { firstLine } from "../../text/firstLine.js";

// The spec `moor new` recorded, or undefined when there is none; unreadable is a remote failure (6).
export async function readRecordedSpec(link: RemoteExec, session: string): Promise<SessionSpec | undefined> {
  const path = sessionSpecPath(session);
  const result = await link.exec(["cat", path]);
  if (result.code !== 0) {
    const stderr = result.stderr.toString().trim();
    if (/No such file|not found/i.test(stderr)) return undefined;
    throw remoteError(
      `could not read ~/${path} on ${link.label}: ${firstLine(stderr) || `exit ${String(result.code)}`}`,
    );
  }
  try {
    return { ...parseSessionSpec(result.stdout.toString(), `~/${path} on ${link.label}`), session };
  } catch (error) {
    throw remoteError(`~/${path} on ${link.label} is not a session spec moor can read`, {
      hint: `start the session again with "moor new"`,
      cause: error,
    });
  }
}

// Recreates a vanished session from its recorded spec and restarts its command (same cwd and windows; the log is
// appended to): a known agent with its own option for continuing its last conversation unless FRESH. Refuses a
// session that still exists (exit 2) and one that moor never recorded (exit 5).
export async function reviveSession(
  ctx: MoorContext,
  target: SessionTarget,
  options: { fresh?: boolean } = {},
): Promise<CreatedSession> {
  const tmux = ctx.tmux(target.host);
  const { session } = target;
  const label = targetLabel(target);
  const [spec] = await Promise.all([
    readRecordedSpec(tmux.remote, session),
    checkCanCreate(tmux, session, label, "nothing to revive"),
  ]);
  if (spec === undefined) {
    throw notFoundError(
      `no recorded spec for ${label}: ~/${sessionSpecPath(session)} does not exist on ${tmux.host}`,
      `only sessions started with "moor new" can be revived; start it with "moor new ${label} -- COMMAND"`,
    );
  }
  const { command } = resumeCommand(spec.command, ctx.rules, options.fresh === true, spec.agent);
  const run = command === undefined ? spec : { ...spec, command };
  return await createSession(tmux, run, sessionTmuxArgv(run), { target: label, record: false });
}
