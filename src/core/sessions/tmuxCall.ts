import type { HostLink } from "../../link/hostLink.js";
import { hasSessionArgv } from "../../tmux/session.js";
import { isNoServer, isNoSession, tmuxFailure } from "../../tmux/stderr.js";

// What a failure message needs to name, and what the invocation reads on stdin.
export interface TmuxCallContext {
  /** HOST:SESSION as the user wrote it. */
  target: string;
  /** What moor was doing, for the message: "killing the session". */
  action: string;
  stdin?: string | Buffer;
  /** No tmux server on the host gives "" rather than exit 5 (listing, kill --all). */
  noServerIsEmpty?: boolean;
}

// Runs one tmux invocation and returns its stdout; a failure becomes moor's error (5: no such session, no server;
// 6: tmux missing or refused). A host where tmux never ran ("error connecting to ... (No such file or
// directory)") counts as no server, not as tmux missing.
export async function runTmux(link: HostLink, argv: readonly string[], context: TmuxCallContext): Promise<string> {
  const result = await link.exec(argv, context.stdin === undefined ? {} : { stdin: context.stdin });
  if (result.code === 0) return result.stdout.toString();
  if (context.noServerIsEmpty === true && isNoServer(result.stderr.toString())) return "";
  throw tmuxFailure(result.stderr.toString(), result.code, { host: link.label, target: context.target, action: context.action });
}

// Whether the session exists (exact name); tmux missing is an error (6), no tmux server means no.
export async function sessionExists(link: HostLink, session: string, target: string): Promise<boolean> {
  const result = await link.exec(hasSessionArgv(session));
  if (result.code === 0) return true;
  const stderr = result.stderr.toString();
  if (isNoServer(stderr) || isNoSession(stderr)) return false;
  throw tmuxFailure(stderr, result.code, { host: link.label, target, action: "looking for the session" });
}
