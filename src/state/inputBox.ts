import type { InputBox } from "./agentRules.js";
import { regionLines } from "./screenRegion.js";

// The box's rows: between its top and bottom rows, or the last row of the region its line pattern matches.
function boxRows(input: InputBox, screen: readonly string[]): string[] | undefined {
  if (input.between === undefined) {
    const { lines } = regionLines(input.region, screen, "", undefined);
    const last = lines.findLast((line) => input.line.test(line));
    return last === undefined ? undefined : [last];
  }
  const [top, bottom] = input.between;
  const end = screen.findLastIndex((line) => bottom.test(line));
  if (end <= 0) return undefined;
  const start = screen.slice(0, end).findLastIndex((line) => top.test(line));
  return start === -1 ? undefined : screen.slice(start + 1, end);
}

// The text in an agent's input box on SCREEN, by its input rule (agents.json "input"): "" while the box is empty or
// shows a placeholder, undefined when no box is on screen.
export function inputText(input: InputBox, screen: readonly string[]): string | undefined {
  const rows = boxRows(input, screen);
  if (rows === undefined) return undefined;
  const text = rows
    .map((row) => (input.line.exec(row)?.groups?.text ?? "").trim())
    .filter((part) => part !== "")
    .join("\n");
  return input.empty.some((pattern) => pattern.test(text)) ? "" : text;
}
