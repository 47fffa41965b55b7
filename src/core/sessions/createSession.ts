import type { RemoteTmux } from "../remoteTmux.js";
import { remoteError, usageError, type MoorError } from "../../errors.js";
import { isDuplicateSession, tmuxFailure } from "../../tmux/stderr.js";
import { createSessionArgv, STATE_EXIT } from "./remoteState.js";
import type { SessionSpec } from "./sessionSpec.js";
import { sessionLogPath, sessionSpecPath, sessionStateDir } from "./statePaths.js";
import { firstLine } from "../../text/firstLine.js";

/** What new and revive report: enough to find the session, its windows and its log. */
export interface CreatedSession {
  host: string;
  session: string;
  target: string;
  cwd: string | null;
  command: string[] | null;
  windows: { name: string; command: string[] | null }[];
  /** Relative to the remote home; null with --no-log. */
  log: string | null;
  stateDir: string;
}

// The one message for a taken session name (exit 2), from has-session or from tmux's "duplicate session".
const alreadyExists = (target: string, why: string): MoorError =>
  usageError(
    `session ${target} already exists: ${why}`,
    `attach with "moor attach ${target}", or end it first with "moor kill ${target}"`,
  );

// Refuses (exit 2) a name that is taken, and tmux too old or missing (6), in one round trip's time.
export async function checkCanCreate(tmux: RemoteTmux, session: string, target: string, why: string): Promise<void> {
  const [, exists] = await Promise.all([tmux.require("moor"), tmux.hasSession(session, target)]);
  if (exists) throw alreadyExists(target, why);
}

// Makes the state folder, records the spec (when record) and runs the tmux invocation, as one remote command.
export async function createSession(
  tmux: RemoteTmux,
  spec: SessionSpec,
  tmuxArgv: readonly string[],
  options: { target: string; record: boolean; revive?: boolean },
): Promise<CreatedSession> {
  const { target } = options;
  const argv = createSessionArgv({
    session: spec.session,
    ...(options.record ? { specPath: sessionSpecPath(spec.session) } : {}),
    ...(spec.cwd === undefined ? {} : { cwd: spec.cwd }),
    tmuxArgv,
  });
  const result = await tmux.scripted(argv, options.record ? { stdin: `${JSON.stringify(spec, null, 2)}\n` } : {});
  const stderr = result.stderr.toString();
  if (result.code === STATE_EXIT.noCwd && options.revive === true) {
    throw remoteError(
      `the folder ${spec.cwd ?? "~"} that moor new recorded for ${target} no longer exists on ${tmux.host}`,
      { hint: `make it again, or start anew elsewhere: "moor kill ${target}" then "moor new ${target} --cwd DIR"` },
    );
  }
  if (result.code === STATE_EXIT.noCwd) {
    throw usageError(
      `--cwd ${JSON.stringify(spec.cwd)}: no such directory on ${tmux.host}`,
      "create it first; a relative path starts at the login's home",
    );
  }
  if (result.code === STATE_EXIT.unwritable) {
    throw remoteError(
      `could not write moor's state folder ~/${sessionStateDir(spec.session)} on ${tmux.host}: ${firstLine(stderr)}`,
    );
  }
  if (isDuplicateSession(stderr)) throw alreadyExists(target, "it appeared while moor was creating it; left untouched");
  if (result.code !== 0)
    throw tmuxFailure(stderr, result.code, { host: tmux.host, target, action: "creating the session" });
  return describeCreated(tmux.host, target, spec);
}

function describeCreated(host: string, target: string, spec: SessionSpec): CreatedSession {
  return {
    host,
    session: spec.session,
    target,
    cwd: spec.cwd ?? null,
    command: spec.command ?? null,
    windows: spec.windows.map((window) => ({ name: window.name, command: window.command ?? null })),
    log: spec.log ? sessionLogPath(spec.session) : null,
    stateDir: sessionStateDir(spec.session),
  };
}
