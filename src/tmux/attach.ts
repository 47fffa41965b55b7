import { tmuxArgv } from "./command.js";
import { sessionOrWindowTarget } from "./target.js";

export interface AttachFlags {
  /** -r: the client may look but its keys do not reach the pane (detach still works). */
  readOnly?: boolean;
  /** -d: every other client of the session is detached. */
  steal?: boolean;
}

// The tmux client moor runs in the remote pseudo-terminal, on an exact target.
export function attachArgv(session: string, window: string | undefined, flags: AttachFlags = {}): string[] {
  return tmuxArgv([
    "attach-session",
    "-t",
    sessionOrWindowTarget(session, window),
    ...(flags.readOnly ? ["-r"] : []),
    ...(flags.steal ? ["-d"] : []),
  ]);
}

// Exit 0 when the session (and the window, when given) exists: "has-session -t =s:=w" checks the window too.
export function hasAttachTargetArgv(session: string, window?: string): string[] {
  return tmuxArgv(["has-session", "-t", sessionOrWindowTarget(session, window)]);
}
