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

// The one way an argv for the remote is built: "tmux" then the commands, separated by a standalone ";".
export function tmuxArgv(...commands: readonly TmuxCommand[]): string[] {
  if (commands.length === 0) throw new TypeError("a tmux invocation needs at least one command");
  const argv = ["tmux"];
  commands.forEach((command, index) => {
    if (command.length === 0) throw new TypeError("a tmux command cannot be empty");
    if (index > 0) argv.push(";");
    argv.push(...command.map(escapeTrailingSemicolon));
  });
  return argv;
}
