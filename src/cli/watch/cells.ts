// Terminal cells, not string length: CJK and emoji take two cells, combining marks none. Good enough for a
// status screen; an exact wcwidth table is not worth its size here.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
const ZERO = /[\p{Mn}\p{Me}\u200b-\u200f]/u;
// control characters are exactly what must not reach the screen
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

// Cells one character takes on screen.
export function charCells(char: string): number {
  if (ZERO.test(char)) return 0;
  return WIDE.test(char) ? 2 : 1;
}

// Cells a string takes on screen: what column alignment and truncation measure.
export function cellWidth(text: string): number {
  let cells = 0;
  for (const char of text) cells += charCells(char);
  return cells;
}

// Text from a remote pane or name, safe to print: tabs become a space, other control characters "?".
export function sanitize(text: string): string {
  return text.replaceAll("\t", " ").replaceAll("\n", " ").replace(CONTROL, "?");
}

// At most `width` cells; a cut is marked with "…".
export function truncate(text: string, width: number): string {
  if (width <= 0) return "";
  if (cellWidth(text) <= width) return text;
  let out = "";
  let cells = 0;
  for (const char of text) {
    const next = charCells(char);
    if (cells + next > width - 1) break;
    out += char;
    cells += next;
  }
  return `${out.trimEnd()}…`;
}

// Exactly `width` cells: truncated, or padded with spaces.
export function fit(text: string, width: number): string {
  const cut = truncate(text, width);
  return cut + " ".repeat(Math.max(0, width - cellWidth(cut)));
}

export type Paint = (text: string) => string;

export interface Segment {
  text: string;
  paint?: Paint;
}

// One screen line from coloured pieces: cut to `width` cells first, painted after, so escape codes never
// count as cells nor get cut in half.
export function paintLine(segments: readonly Segment[], width: number): string {
  let remaining = width;
  let line = "";
  for (const segment of segments) {
    if (remaining <= 0) break;
    const text = truncate(segment.text, remaining);
    remaining -= cellWidth(text);
    line += segment.paint && text !== "" ? segment.paint(text) : text;
    if (text !== segment.text) break;
  }
  return line;
}
