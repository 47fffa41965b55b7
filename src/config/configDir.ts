import { homedir } from "node:os";
import { join } from "node:path";

// Where the registry lives: --config-dir, then MOOR_CONFIG_DIR, then the XDG config home.
// Its own file, so that code which only needs the folder (completion) does not load conf.
export function defaultConfigDir(env: NodeJS.ProcessEnv): string {
  if (env.MOOR_CONFIG_DIR) return env.MOOR_CONFIG_DIR;
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), ".config"), "moor");
}
