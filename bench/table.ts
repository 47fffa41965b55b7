// Results as tables: one shape, rendered as aligned plain text for the terminal and as markdown for the README.

export interface Table {
  title: string;
  head: string[];
  rows: string[][];
  notes?: string[];
}

export function renderText(table: Table): string {
  const all = [table.head, ...table.rows];
  const widths = table.head.map((_, column) => Math.max(...all.map((row) => [...(row[column] ?? "")].length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        column === 0 ? pad(cell, widths[column] ?? 0, "end") : pad(cell, widths[column] ?? 0, "start"),
      )
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  const notes = (table.notes ?? []).map((note) => `  ${note}`);
  return [table.title, line(table.head), rule, ...table.rows.map(line), ...notes].join("\n");
}

export function renderMarkdown(table: Table): string {
  const align = table.head.map((_, column) => (column === 0 ? "---" : "---:"));
  const line = (row: string[]) => `| ${row.map((cell) => cell.replaceAll("|", "\\|")).join(" | ")} |`;
  const notes = (table.notes ?? []).map((note) => `- ${note}`);
  return [
    `### ${table.title}`,
    "",
    line(table.head),
    line(align),
    ...table.rows.map(line),
    ...(notes.length > 0 ? ["", ...notes] : []),
  ].join("\n");
}

function pad(text: string, width: number, side: "start" | "end"): string {
  const fill = " ".repeat(Math.max(0, width - [...text].length));
  return side === "start" ? fill + text : text + fill;
}
