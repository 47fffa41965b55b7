import { tmuxArgv, type TmuxCommand } from "./command.js";
import { trimCapture } from "./capture.js";

// Starts each pane's part of a chained capture. \x1e is a control character, so no screen cell can hold it;
// the pane id comes from the format #{pane_id}, because display-message passes its text through strftime ("%").
const MARK = "\x1emoor-pane ";

// The visible screens of several panes in ONE invocation: for each pane a marker line, then its capture.
export function capturePanesArgv(paneIds: readonly string[]): string[] {
  if (paneIds.length === 0) throw new TypeError("capturePanesArgv needs at least one pane");
  const commands: TmuxCommand[] = [];
  for (const id of paneIds) {
    if (!/^%\d+$/.test(id)) throw new TypeError(`invalid pane id ${JSON.stringify(id)}`);
    commands.push(["display-message", "-p", "-t", id, `${MARK}#{pane_id}`], ["capture-pane", "-p", "-J", "-t", id]);
  }
  return tmuxArgv(...commands);
}

// Splits capturePanesArgv's output into each pane's last `lines` non-blank-trailing lines, trailing spaces removed.
export function parsePaneCaptures(output: string, lines: number): Map<string, string[]> {
  const screens = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of output.split("\n")) {
    if (line.startsWith(MARK)) {
      current = [];
      screens.set(line.slice(MARK.length), current);
    } else current?.push(line);
  }
  const result = new Map<string, string[]>();
  for (const [id, rows] of screens) {
    const text = trimCapture(rows.join("\n"), lines);
    result.set(id, text === "" ? [] : text.slice(0, -1).split("\n").map((row) => row.trimEnd()));
  }
  return result;
}
