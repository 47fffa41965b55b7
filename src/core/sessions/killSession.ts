import type { MoorContext } from "../moorContext.js";
import type { SessionTarget } from "../target.js";
import { killSessionArgv, listThenKillServerArgv, parseSessionNames } from "../../tmux/session.js";
import { formatTarget } from "../target.js";
import { isNoServer, isNoSession, tmuxFailure } from "../../tmux/stderr.js";
import { STATE_ROOT, sessionStateDir } from "./statePaths.js";

// Runs the tmux invocation, then marks the session's recorded spec "ended" (moor kill ended it: ls no longer shows it
// as gone; revive still can) and says "recorded" when there was one to mark. tmux's exit status is the command's.
// Arguments: DIR TMUX-ARGV...
const KILL_SCRIPT = [
  "dir=$1; shift",
  '"$@"; status=$?',
  'if [ -f "$dir/spec.json" ] && [ ! -e "$dir/ended" ]; then : > "$dir/ended" && echo recorded; fi',
  "exit $status",
].join("\n");

/** "killed": it ran and was ended; "forgotten": it was gone (moor recorded it, tmux no longer had it). */
export type KillOutcome = "killed" | "forgotten";

// Ends one session; a gone one is forgotten (no longer listed as gone); neither is exit 5. Its state folder (log,
// spec, notes) stays for revive.
export async function killSession(ctx: MoorContext, target: SessionTarget): Promise<KillOutcome> {
  const tmux = ctx.tmux(target.host);
  const argv = ["sh", "-c", KILL_SCRIPT, "sh", sessionStateDir(target.session), ...killSessionArgv(target.session)];
  const result = await tmux.scripted(argv);
  if (result.code === 0) return "killed";
  const stderr = result.stderr.toString();
  if (result.stdout.toString().includes("recorded") && (isNoServer(stderr) || isNoSession(stderr))) return "forgotten";
  throw tmuxFailure(stderr, result.code, {
    host: tmux.host,
    target: formatTarget(target),
    action: "killing the session",
  });
}

// Runs the list-then-kill-server invocation, prints the names it listed, and marks each listed session that moor
// recorded "ended", as KILL_SCRIPT does for one (names outside moor's rule are never used as a path). tmux's failure
// and exit status are the command's. Arguments: STATE-ROOT TMUX-ARGV...
export const KILL_ALL_SCRIPT = [
  "root=$1; shift",
  'names=$("$@") || exit $?',
  'printf "%s\\n" "$names"',
  'printf "%s\\n" "$names" | while IFS= read -r name; do',
  '  case $name in ""|-*|*[!A-Za-z0-9_-]*) continue ;; esac',
  '  if [ -f "$root/$name/spec.json" ] && [ ! -e "$root/$name/ended" ]; then : > "$root/$name/ended"; fi',
  "done",
  "exit 0",
].join("\n");

// Ends every session on the host by stopping its tmux server, in one round trip, and says which there were; none is
// not an error. The ones moor started are marked ended, so ls does not list them as gone.
export async function killAllSessions(ctx: MoorContext, host: string): Promise<string[]> {
  const argv = ["sh", "-c", KILL_ALL_SCRIPT, "sh", STATE_ROOT, ...listThenKillServerArgv()];
  const listed = await ctx.tmux(host).run(argv, {
    target: host,
    noServerIsEmpty: true,
    action: "stopping its tmux server",
  });
  return parseSessionNames(listed);
}
