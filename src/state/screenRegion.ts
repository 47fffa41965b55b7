import type { RegionSpec } from "./ruleTypes.js";

/** What a region read: its lines, and how to name it in evidence. */
export interface RegionLines {
  label: string;
  lines: string[];
}

const isBlank = (line: string): boolean => line.trim() === "";

// The rows of the visible screen a region covers; blank rows never count. The screen is capture-pane's visible
// rows only, so no region can reach old scrollback.
export function regionLines(
  region: RegionSpec,
  screen: readonly string[],
  title: string,
  cursorY: number | undefined,
): RegionLines {
  if (region === "title") return { label: "title", lines: [title] };
  if (region === "screen") return { label: "screen", lines: screen.filter((line) => !isBlank(line)) };
  if ("last" in region) {
    const lines = screen.filter((line) => !isBlank(line)).slice(-region.last);
    return { label: `last ${String(region.last)} lines`, lines };
  }
  const { above, below } = region.cursor;
  let row = cursorY ?? -1;
  if (row < 0 || row >= screen.length) row = screen.findLastIndex((line) => !isBlank(line));
  const lines = screen.slice(Math.max(0, row - above), Math.max(0, row + below + 1)).filter((line) => !isBlank(line));
  return { label: `cursor row -${String(above)}..+${String(below)}`, lines };
}
