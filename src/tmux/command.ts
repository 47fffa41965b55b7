// How a tmux invocation is assembled: one argv starting with "tmux", commands chained with a standalone ";".

/** One tmux command with its arguments, without the leading "tmux", e.g. ["kill-session", "-t", "=a"]. */
export type TmuxCommand = readonly string[];

// tmux treats any argument ENDING in ";" as a command separator (verified on 3.3a), and turns a final "\;"
// into ";". Replacing the final ";" by "\;" therefore delivers every string unchanged, even one ending "\;".
export function escapeTrailingSemicolon(arg: string): string {
  return arg.endsWith(";") ? `${arg.slice(0, -1)}\\;` : arg;
}

// For arguments tmux expands as formats (pipe-pane's command, -c directories): "#" stays a literal "#".
export function escapeFormat(text: string): string {
  return text.replaceAll("#", "##");
}

// How every invocation starts. -u: an ssh login usually has no UTF-8 locale, and tmux then prints the \x1f
// field separator and any non-ASCII text as "_" (seen on 3.3a with LANG unset).
export const TMUX_PREFIX: readonly string[] = ["tmux", "-u"];

// The one way an argv for the remote is built: "tmux -u" then the commands, separated by a standalone ";".
export function tmuxArgv(...commands: readonly TmuxCommand[]): string[] {
  if (commands.length === 0) throw new TypeError("a tmux invocation needs at least one command");
  const argv = [...TMUX_PREFIX];
  commands.forEach((command, index) => {
    if (command.length === 0) throw new TypeError("a tmux command cannot be empty");
    if (index > 0) argv.push(";");
    argv.push(...command.map(escapeTrailingSemicolon));
  });
  return argv;
}

// Debian's tmux (3.3a, built with libutempter) loses a pane's SIGCHLD about one exit in three: the pane shows dead
// with no status, its process a zombie, until the server reaps children again. run-shell's short-lived child makes it
// do so first, so an agent that exited is seen with its status (tmux issues #311 and #4559 describe the cause).
export const REAP_FIRST: TmuxCommand = ["run-shell", "true"];
