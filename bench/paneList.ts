import { listPanesArgv } from "../src/tmux/list.js";

// The listing every tool runs: moor's own list-panes argv, with -u so that tmux keeps the \x1f field
// separator under an ssh login's non-UTF-8 locale (tmux 3.3a would print "_").
export function paneListArgv(): string[] {
  const argv = listPanesArgv();
  return argv[1] === "-u" ? argv : ["tmux", "-u", ...argv.slice(1)];
}
