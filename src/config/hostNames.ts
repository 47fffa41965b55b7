import { readFileSync } from "node:fs";
import { join } from "node:path";
import { splitConfigLine } from "./sshConfigLine.js";

// The registered host names, read straight from hosts.json without conf and its schema validator:
// for shell completion, which must start fast and never fails (an unreadable file gives no names).
export function registeredHostNames(configDir: string): string[] {
  try {
    const data = JSON.parse(readFileSync(join(configDir, "hosts.json"), "utf8")) as { hosts?: Record<string, unknown> };
    return Object.keys(data.hosts ?? {}).sort();
  } catch {
    return [];
  }
}

// The aliases that ~/.ssh/config names on its Host lines (patterns with *, ? or ! are not names).
export function sshConfigAliases(configText: string | undefined): string[] {
  const aliases = new Set<string>();
  for (const line of (configText ?? "").split("\n")) {
    const words = splitConfigLine(line);
    if (words?.keyword !== "host") continue;
    for (const alias of words.args) if (!/[*?!]/.test(alias)) aliases.add(alias);
  }
  return [...aliases].sort();
}
