import { readFileSync, writeFileSync } from "node:fs";
import { machineLine, type Machine } from "./machine.js";
import { renderMarkdown, renderText, type Table } from "./table.js";

// BENCH_ONLY=badwifi: the bad-WiFi table printed, and put into results.md in place of the last one (the other tables
// stay as the last full run left them), with its raw runs in results-badwifi.json.
export function printBadWifiOnly(
  machine: Machine,
  startedAt: string,
  table: Table,
  raw: unknown,
  directory: URL,
): void {
  process.stdout.write(`\n${machineLine(machine)}\n\n${renderText(table)}\n`);
  const file = new URL("results.md", directory);
  const before = readFileSync(file, "utf8");
  const at = before.indexOf("### 6. Bad WiFi");
  const kept = (at === -1 ? before : before.slice(0, at)).trimEnd();
  const section = `${renderMarkdown(table)}\n\n- This table alone: BENCH_ONLY=badwifi, run ${startedAt}.\n`;
  writeFileSync(file, `${kept}\n\n${section}`);
  writeFileSync(
    new URL("results-badwifi.json", directory),
    `${JSON.stringify({ machine, startedAt, raw }, null, 2)}\n`,
  );
}
