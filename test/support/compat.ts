import type { TmuxRelease } from "./tmuxReleases.js";

// The compatibility suite: the e2e files that exercise every tmux command moor issues (new with windows and --cwd,
// the send byte matrix, peek, capture, ls and watch with unicode names and titles, attach and a re-attach, logs -f
// across a reset, note, kill, revive), run once per release other than the full suite's 3.3 (vitest.config.ts).
export const COMPAT_FILES = [
  "new",
  "send",
  "peek",
  "capture",
  "ls",
  "watch",
  "attach",
  "logs",
  "note",
  "kill",
  "revive",
  "control",
].map((name) => `test/e2e/${name}.test.ts`);

export const COMPAT_RELEASES = ["3.1", "3.5", "3.8"] as const satisfies readonly TmuxRelease[];
