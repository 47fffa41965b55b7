// A login over ssh usually has no UTF-8 locale, and then tmux 3.3a prints every control and non-ASCII
// character of list and capture output as "_": list-panes' \x1f separator is lost and "é" reads "_".
// `tmux -u` keeps them. (Belongs in tmux/command.ts's tmuxArgv; applied here until it is.)
export function withUtf8(argv: readonly string[]): string[] {
  return argv[0] === "tmux" && argv[1] !== "-u" ? ["tmux", "-u", ...argv.slice(1)] : [...argv];
}
