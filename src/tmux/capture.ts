import { stripEscapes } from "../text/escapes.js";
import { tmuxArgv } from "./command.js";
import { supportsTmux } from "./features.js";
import { parseTmuxVersion } from "./version.js";

export interface CaptureOptions {
  /** At least this many lines from the end, history included; the visible screen when absent. */
  lines?: number;
  /** The whole history and screen (takes precedence over lines). */
  all?: boolean;
  /** Keep colours and attributes as escape sequences. */
  ansi?: boolean;
}

// Prints the pane to stdout (-p) with wrapped lines joined (-J), after a line with tmux's version (its -J differs, see
// readCapture). -S -N starts N lines up in the history, so the result holds the last N lines even when the screen
// below them is blank: read it with readCapture.
export function capturePaneArgv(target: string, options: CaptureOptions = {}): string[] {
  const { lines, all = false, ansi = false } = options;
  if (lines !== undefined && (!Number.isInteger(lines) || lines < 1))
    throw new TypeError(`invalid line count ${String(lines)}`);
  const start = all ? ["-S", "-"] : lines === undefined ? [] : ["-S", `-${String(lines)}`];
  return tmuxArgv(
    ["display-message", "-p", "-t", target, "#{version}"],
    ["capture-pane", "-p", "-J", ...(ansi ? ["-e"] : []), ...start, "-t", target],
  );
}

// capturePaneArgv's output as trimCapture gives it. tmux 3.1c's -J pads every line with spaces to the pane's width
// (cleared cells count as written there; fixtures/tmux-3.1c/capture-pane.txt), so before 3.2 the spaces ending each
// line are dropped; later releases keep only the spaces a program printed, and so does moor.
export function readCapture(output: string, lines?: number): string {
  const newline = output.indexOf("\n");
  const version = newline < 0 ? "" : output.slice(0, newline);
  const text = newline < 0 ? output : output.slice(newline + 1);
  const padded = /^\d+\.\d+/.test(version) && !supportsTmux(parseTmuxVersion(version), "captureUnpadded");
  return trimCapture(padded ? text.replace(/ +$/gm, "") : text, lines);
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
