import type { HostLink } from "../../link/hostLink.js";
import type { RemoteTmux } from "../remoteTmux.js";
import { notFoundError, remoteError } from "../../errors.js";
import { checkCanCreate, createSession, type CreatedSession } from "./createSession.js";
import { sessionTmuxArgv } from "./sessionPlan.js";
import { parseSessionSpec, type SessionSpec } from "./sessionSpec.js";
import { sessionSpecPath } from "./statePaths.js";

// The spec `moor new` recorded, or undefined when there is none; unreadable is a remote failure (6).
export async function readRecordedSpec(link: HostLink, session: string): Promise<SessionSpec | undefined> {
  const path = sessionSpecPath(session);
  const result = await link.exec(["cat", path]);
  if (result.code !== 0) {
    const stderr = result.stderr.toString().trim();
    if (/No such file|not found/i.test(stderr)) return undefined;
    throw remoteError(`could not read ~/${path} on ${link.label}: ${stderr.split("\n")[0] || `exit ${String(result.code)}`}`);
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
// appended to). Refuses a session that still exists (exit 2) and one that moor never recorded (exit 5).
export async function reviveSession(tmux: RemoteTmux, session: string, target: string): Promise<CreatedSession> {
  const [spec] = await Promise.all([readRecordedSpec(tmux.link, session), checkCanCreate(tmux, session, target, "nothing to revive")]);
  if (spec === undefined) {
    throw notFoundError(`no recorded spec for ${target}: ~/${sessionSpecPath(session)} does not exist on ${tmux.host}`, `only sessions started with "moor new" can be revived; start it with "moor new ${target} -- COMMAND"`);
  }
  return await createSession(tmux, spec, sessionTmuxArgv(spec), { target, record: false });
}
