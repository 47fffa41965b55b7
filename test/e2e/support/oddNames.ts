import type { Box } from "../../support/box.js";
import { defaultRelease } from "../../support/tmuxReleases.js";

// A session with what users' own tmux sessions carry in names and titles: unicode, "|", backslashes, the text "\037"
// and, where tmux allows it (not 3.8, which refuses control characters in names), a raw tab and \x1f in a window
// name; the pane title is set by the program in the pane (OSC 2), which then prints ODD_LINE. Returns the window
// names moor should show.
export const ODD_LINE = "ünïcode ✓ line";

export async function addOddSession(box: Box, session: string): Promise<string[]> {
  const title = "printf '\\033]2;tïtle ✓ \\\\037 a\\\\b |\\t\\037 end\\033\\\\'; echo 'ünïcode ✓ line'; exec sleep 600";
  const raw = "日本語 ✓\t|\x1fend";
  const first = await box.exec(["tmux", "new-session", "-d", "-s", session, "-n", raw, title]);
  const refused = first.exitCode !== 0;
  if (refused) await box.exec(["tmux", "new-session", "-d", "-s", session, "-n", "日本語 ✓ |end", title]);
  const second = await box.exec(["tmux", "new-window", "-d", "-t", `=${session}:`, "-n", "a\\b \\037 ü"]);
  if (second.exitCode !== 0) throw new Error(`new-window failed: ${second.output}`);
  // tmux 3.8 stores a backslash in a name as "\\" (tmux's own status line shows it so).
  const backslash = defaultRelease() === "3.8" ? "\\\\" : "\\";
  return [refused ? "日本語 ✓ |end" : "日本語 ✓?|?end", `a${backslash}b ${backslash}037 ü`];
}
