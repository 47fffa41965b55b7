import { quoteArg } from "../ssh/shellQuote.js";
import { escapeFormat } from "./command.js";
import type { TmuxCommand } from "./command.js";

// A log path as the shell sees it: absolute, or relative to home ("~/" accepted). pipe-pane's shell starts in
// the tmux server's directory, which is wherever the server was first started, so home is spelled out.
function shellPath(logPath: string): string {
  const relative = logPath.replace(/^~(\/|$)/, "");
  if (relative === "") throw new TypeError(`a log path must name a file: got ${JSON.stringify(logPath)}`);
  return logPath.startsWith("/") ? quoteArg(logPath) : `"$HOME"/${quoteArg(relative)}`;
}

function parentDir(path: string): string | undefined {
  const slash = path.lastIndexOf("/");
  return slash <= 0 ? undefined : path.slice(0, slash);
}

// The command pipe-pane runs (always with /bin/sh): append everything the pane prints to the log, creating its
// folder first, both private to the login (umask 077: the log is the agent's whole transcript). "#" is doubled
// because tmux expands pipe-pane's command as a format (verified on 3.3a).
export function logPipeCommand(logPath: string): string {
  const dir = parentDir(logPath.replace(/^~\//, ""));
  const mkdir = dir === undefined ? "" : `mkdir -p ${shellPath(dir)} && `;
  return escapeFormat(`umask 077; ${mkdir}exec cat >> ${shellPath(logPath)}`);
}

// -o: only opens a pipe when the pane has none, so repeating it never doubles the log.
export function pipeToLogCommand(target: string, logPath: string): TmuxCommand {
  return ["pipe-pane", "-o", "-t", target, logPipeCommand(logPath)];
}
