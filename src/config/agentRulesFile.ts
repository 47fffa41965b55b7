import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { usageError } from "../errors.js";

const agentRulesFile = (configDir: string): string => join(configDir, "agents.json");

// The user's own agent rules (<config-dir>/agents.json) as text, for the state engine to check and merge;
// undefined when there is none. An unreadable file is exit 2, naming it.
export function readUserAgentRules(configDir: string): { text: string; where: string } | undefined {
  const where = agentRulesFile(configDir);
  if (!existsSync(where)) return undefined;
  try {
    return { text: readFileSync(where, "utf8"), where };
  } catch (error) {
    throw usageError(`${where}: could not be read: ${(error as Error).message}`, `fix its permissions or remove it`);
  }
}
