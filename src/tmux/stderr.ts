import type { MoorError } from "../errors.js";
import { remoteError, notFoundError } from "../errors.js";
import { MIN_TMUX } from "./features.js";
import { firstLine } from "../text/firstLine.js";

// No tmux server on the host: zero sessions, not a failure. 3.3a says "no server running on SOCKET" when the
// socket exists but nobody listens, "error connecting to SOCKET (No such file or directory)" when it is absent, and
// "server exited unexpectedly" when the server was going away as the command arrived.
export function isNoServer(stderr: string): boolean {
  return /no server running on |error connecting to .*\((No such file or directory|Connection refused)\)|server exited unexpectedly/.test(
    stderr,
  );
}

// The target is not there (exit 5): "can't find session: x", "can't find window: x", "can't find pane: x".
export function isNoSession(stderr: string): boolean {
  return /can't find (session|window|pane)|(session|window) not found/.test(stderr);
}

// new-session refused an existing name: "duplicate session: x".
export function isDuplicateSession(stderr: string): boolean {
  return stderr.includes("duplicate session:");
}

// The remote shell could not run tmux at all (exit status 127 and the shell's "not found").
export function isTmuxMissing(stderr: string, exitStatus?: number): boolean {
  return exitStatus === 127 || /tmux: (command )?not found|tmux: No such file or directory/.test(stderr);
}

// The one message for a remote without tmux (exit 6), wherever moor finds out.
export function tmuxMissingError(host: string): MoorError {
  return remoteError(`tmux is not installed on ${host} (or not on the PATH of its login shell)`, {
    hint: `install tmux ${MIN_TMUX.text} or newer there, e.g. "sudo apt-get install tmux" or "sudo dnf install tmux"`,
  });
}

export interface TmuxFailureContext {
  host: string;
  /** As the user wrote it, e.g. "box1:agent". */
  target: string;
  /** What moor was doing, e.g. "capturing the pane". */
  action: string;
}

// Turns a failed tmux command into moor's error: not found (5) or a remote failure (6), with tmux's words kept.
export function tmuxFailure(stderr: string, exitStatus: number | undefined, context: TmuxFailureContext): MoorError {
  const said = firstLine(stderr);
  if (isNoServer(stderr) || isNoSession(stderr)) {
    const message = `${context.target}: no such session or window on ${context.host} (tmux: ${said})`;
    return notFoundError(message, { hint: `"moor ls ${context.host}" lists its sessions` });
  }
  if (isTmuxMissing(stderr, exitStatus)) return tmuxMissingError(context.host);
  const why = said === "" ? `exit status ${String(exitStatus)}` : said;
  return remoteError(`tmux failed on ${context.host} while ${context.action} for ${context.target}: ${why}`);
}
