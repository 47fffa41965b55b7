import { eastAsianWidth } from "get-east-asian-width";

// Terminal cells, not string length, measured once here for every screen and table moor draws: a grapheme
// (Intl.Segmenter) is one unit; emoji presentation, ZWJ sequences, skin tones and flags take two cells, East Asian
// wide and fullwidth characters two, combining marks and other zero-width characters none.

const segmenter = new Intl.Segmenter();
// U+FE0F asks for emoji presentation; U+200D joins emoji; U+1F3FB–1F3FF are skin tones; pairs of regional indicators are flags.
const EMOJI =
  /\p{Emoji_Presentation}|\ufe0f|\u200d\p{Extended_Pictographic}|[\u{1f3fb}-\u{1f3ff}]|\p{Regional_Indicator}{2}/u;
const ZERO = /^[\p{Mn}\p{Me}\p{Cf}\u1160-\u11ff\u200b]/u;
const CONTROL = /^[\u0000-\u001f\u007f-\u009f]/;

// The graphemes of a string, in order: the units a cut must never split.
function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

// Cells one grapheme takes on screen.
function graphemeCells(grapheme: string): number {
  if (grapheme === "" || CONTROL.test(grapheme) || ZERO.test(grapheme)) return 0;
  if (EMOJI.test(grapheme)) return 2;
  return eastAsianWidth(grapheme.codePointAt(0) ?? 0, { ambiguousAsWide: false });
}

// Cells a string takes on screen: what column alignment and truncation measure.
export function cellWidth(text: string): number {
  // ASCII printable text, by far the most common, needs no segmentation.
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let cells = 0;
  for (const grapheme of graphemes(text)) cells += graphemeCells(grapheme);
  return cells;
}

// At most `width` cells; a cut is marked with "…" and never splits a grapheme.
export function truncate(text: string, width: number): string {
  if (width <= 0) return "";
  if (cellWidth(text) <= width) return text;
  let out = "";
  let cells = 0;
  for (const grapheme of graphemes(text)) {
    const next = graphemeCells(grapheme);
    if (cells + next > width - 1) break;
    out += grapheme;
    cells += next;
  }
  return `${out.trimEnd()}…`;
}

// Exactly `width` cells: truncated, or padded with spaces.
export function fit(text: string, width: number): string {
  const cut = truncate(text, width);
  return cut + " ".repeat(Math.max(0, width - cellWidth(cut)));
}
