import { cellWidth } from "../../text/cells.js";
import { stripEscapes } from "../../text/escapes.js";

// Aligns rows into columns the way `docker ps` and `tmux ls` readers expect; widths are terminal cells, colour codes none.
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const visible = (text: string): number => cellWidth(stripEscapes(text));
  const widths = header.map((cell, column) =>
    Math.max(visible(cell), ...rows.map((row) => visible(row[column] ?? ""))),
  );
  const line = (row: readonly string[]): string =>
    row
      .map((cell, column) =>
        column === row.length - 1 ? cell : cell + " ".repeat((widths[column] ?? 0) - visible(cell)),
      )
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}
