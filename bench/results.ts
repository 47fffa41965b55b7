import { writeFileSync } from "node:fs";
import { machineLine, type Machine } from "./machine.js";
import { renderMarkdown, renderText, type Table } from "./table.js";

// Where a run's numbers go: the terminal, bench/results.json (everything, raw runs included) and
// bench/results.md (the tables, for the README).

export interface BenchResults {
  machine: Machine;
  startedAt: string;
  totalSeconds: number;
  tables: Table[];
  raw: Record<string, unknown>;
}

export function printResults(results: BenchResults): void {
  const text = [
    machineLine(results.machine),
    ...results.tables.map(renderText),
    `Bench took ${results.totalSeconds.toFixed(0)} s.`,
  ];
  process.stdout.write(`\n${text.join("\n\n")}\n`);
}

export function writeResults(results: BenchResults, directory: URL): void {
  writeFileSync(new URL("results.json", directory), `${JSON.stringify(results, null, 2)}\n`);
  const markdown = [
    "## moor beside OpenSSH",
    "",
    `${machineLine(results.machine)}. Run ${results.startedAt}, ${results.totalSeconds.toFixed(0)} s; \`npm run bench\` regenerates this file.`,
    "",
    ...results.tables.map((table) => `${renderMarkdown(table)}\n`),
  ];
  writeFileSync(new URL("results.md", directory), markdown.join("\n"));
}
