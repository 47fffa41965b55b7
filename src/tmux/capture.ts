import { stripEscapes } from "../text/escapes.js";
import { tmuxArgv } from "./command.js";

export interface CaptureOptions {
  /** At least this many lines from the end, history included; the visible screen when absent. */
  lines?: number;
  /** The whole history and screen (takes precedence over lines). */
  all?: boolean;
  /** Keep colours and attributes as escape sequences. */
  ansi?: boolean;
}

// Prints the pane to stdout (-p) with wrapped lines joined (-J). -S -N starts N lines up in the history, so the
// result holds the last N lines even when the screen below them is blank: trim it with trimCapture.
export function capturePaneArgv(target: string, options: CaptureOptions = {}): string[] {
  const { lines, all = false, ansi = false } = options;
  if (lines !== undefined && (!Number.isInteger(lines) || lines < 1)) throw new TypeError(`invalid line count ${String(lines)}`);
  const start = all ? ["-S", "-"] : lines === undefined ? [] : ["-S", `-${String(lines)}`];
  return tmuxArgv(["capture-pane", "-p", "-J", ...(ansi ? ["-e"] : []), ...start, "-t", target]);
}

// A line that shows nothing: spaces, or (with -e) only colour and attribute sequences.
function isBlank(line: string): boolean {
  return stripEscapes(line).trim() === "";
}

// The last `lines` lines of a capture, without the blank rows below the cursor; "" or text ending in "\n".
export function trimCapture(text: string, lines?: number): string {
  if (lines !== undefined && lines < 1) return "";
  const rows = text.split("\n");
  let end = rows.length;
  while (end > 0 && isBlank(rows[end - 1] ?? "")) end--;
  const start = lines === undefined ? 0 : Math.max(0, end - lines);
  return end === 0 ? "" : `${rows.slice(start, end).join("\n")}\n`;
}
