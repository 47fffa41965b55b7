import { cellWidth, truncate } from "../../text/cells.js";

// control characters are exactly what must not reach the screen
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

// Text from a remote pane or name, safe to print: tabs become a space, other control characters "?".
export function sanitize(text: string): string {
  return text.replaceAll("\t", " ").replaceAll("\n", " ").replace(CONTROL, "?");
}

type Paint = (text: string) => string;

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
