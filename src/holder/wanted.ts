import { readFileSync } from "node:fs";
import { join } from "node:path";

// Whether a command may use (and start) the holder: not with MOOR_NO_DAEMON=1 nor with persist 0. The setting is
// read from settings.json as plain JSON, so the command does not load the registry's schema validator for it.
export function holderWanted(configDir: string, env: NodeJS.ProcessEnv): boolean {
  if (env.MOOR_NO_DAEMON !== undefined && env.MOOR_NO_DAEMON !== "" && env.MOOR_NO_DAEMON !== "0") return false;
  try {
    const settings = JSON.parse(readFileSync(join(configDir, "settings.json"), "utf8")) as { persist?: unknown };
    return settings.persist !== 0;
  } catch {
    return true;
  }
}
