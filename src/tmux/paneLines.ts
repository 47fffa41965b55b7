import { randomBytes } from "node:crypto";
import { REAP_FIRST, tmuxArgv, type TmuxCommand } from "./command.js";
import { trimCapture } from "./capture.js";
import { listPanesCommand, sessionPanesCommand } from "./list.js";

// Starts each pane's part of a chained capture: "\tmoor-pane NONCE %ID", a line display-message -p prints. A tab,
// because it is the one control character every release prints raw there (3.4+ writes the others as vis(3) escapes:
// the old marker \x1e came out as the four characters "\036", and watch lost every pane's line). A nonce, because
// no marker text is safe from a screen line: 3.5a keeps a \x1f in a cell and 3.8 a tab (fixtures/tmux-*/capture-
// panes.txt), so a program could print any fixed marker; it cannot guess one drawn afresh for each invocation.
// The pane id comes from the format #{pane_id}, because display-message passes its text through strftime ("%").
const MARK = "\tmoor-pane ";

export function captureNonce(): string {
  return randomBytes(8).toString("hex");
}

// Each pane's visible screen, row for row (no -J: row N is cursor_y N, which the state engine's regions need).
function captureCommands(paneIds: readonly string[], nonce: string): TmuxCommand[] {
  for (const id of paneIds) if (!/^%\d+$/.test(id)) throw new TypeError(`invalid pane id ${JSON.stringify(id)}`);
  return paneIds.flatMap((id) => captureTargetCommands(id, nonce));
}

// The marker line (with the pane's id) and the screen of one pane target: a pane id, or an exact target ("=s:").
function captureTargetCommands(target: string, nonce: string): TmuxCommand[] {
  if (!/^[0-9a-f]{8,}$/.test(nonce)) throw new TypeError(`invalid capture nonce ${JSON.stringify(nonce)}`);
  return [
    ["display-message", "-p", "-t", target, `${MARK}${nonce} #{pane_id}`],
    ["capture-pane", "-p", "-t", target],
  ];
}

// moor status in ONE call: the session's panes (as sessionPanesArgv), then the screen of the pane `target` names
// (the current window's active pane, or a window's), which is the state pane unless an agent runs elsewhere.
export function sessionPanesWithScreenArgv(session: string, target: string, nonce: string = captureNonce()): string[] {
  return tmuxArgv(REAP_FIRST, sessionPanesCommand(session), ...captureTargetCommands(target, nonce));
}

// The visible screens of several panes in ONE invocation: for each pane a marker line, then its capture.
export function capturePanesArgv(paneIds: readonly string[], nonce: string = captureNonce()): string[] {
  if (paneIds.length === 0) throw new TypeError("capturePanesArgv needs at least one pane");
  return tmuxArgv(...captureCommands(paneIds, nonce));
}

// The live view's one call per poll: every pane listed (as listPanesArgv), then the screens of the panes expected
// to have changed. A pane that has gone since makes the whole call fail "can't find pane" (exit 5): list again alone.
export function listWithScreensArgv(paneIds: readonly string[], nonce: string = captureNonce()): string[] {
  return tmuxArgv(REAP_FIRST, listPanesCommand(), ...captureCommands(paneIds, nonce));
}

// listWithScreensArgv's output cut in two: the pane list, and the captures from the first line with its marker.
export function splitListing(output: string, nonce: string): { list: string; captures: string } {
  const mark = `${MARK}${nonce} `;
  const at = output.startsWith(mark) ? 0 : output.indexOf(`\n${mark}`);
  if (at === -1) return { list: output, captures: "" };
  const cut = at === 0 ? 0 : at + 1;
  return { list: output.slice(0, cut), captures: output.slice(cut) };
}

// Splits capturePanesArgv's output into each pane's screen rows, blank rows below the last text and trailing spaces
// removed; with `lines`, only the last that many. The first line is always a marker (display-message runs first),
// so it tells this invocation's nonce.
export function parsePaneCaptures(output: string, lines?: number): Map<string, string[]> {
  const rows = output.split("\n");
  const first = /^\tmoor-pane ([0-9a-f]+) /.exec(rows[0] ?? "");
  const screens = new Map<string, string[]>();
  if (first === null) return screens;
  const mark = `${MARK}${first[1] ?? ""} `;
  let current: string[] | undefined;
  for (const line of rows) {
    if (line.startsWith(mark)) {
      current = [];
      screens.set(line.slice(mark.length), current);
    } else current?.push(line);
  }
  const result = new Map<string, string[]>();
  for (const [id, screenRows] of screens) {
    const text = trimCapture(screenRows.join("\n"), lines);
    result.set(
      id,
      text === ""
        ? []
        : text
            .slice(0, -1)
            .split("\n")
            .map((row) => row.trimEnd()),
    );
  }
  return result;
}
