import { spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import type { HolderPaths } from "./paths.js";
import { processAlive } from "./processAlive.js";

// The pid written in the holder's lock file, when it is a live process: a holder runs or is starting.
export function lockOwner(lock: string): number | undefined {
  try {
    const pid = Number(readFileSync(lock, "utf8").trim());
    return Number.isSafeInteger(pid) && pid > 0 && processAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

export interface StartOptions {
  paths: HolderPaths;
  /** Global options that choose the same config dir and known_hosts (--config-dir, --known-hosts). */
  globalArgs: readonly string[];
  /** Hosts to connect to at once, so the next command finds them warm. */
  warm: readonly string[];
  env?: NodeJS.ProcessEnv;
}

// Starts a holder in the background, detached from this command's terminal and process group, running this very
// moor (the same Node and entry file, bundled or not) as `moor daemon serve`. Its output goes to its log. Two
// commands starting one at once are sorted out by the holder's lock: one of them stays.
export function startHolder(options: StartOptions): boolean {
  if (lockOwner(options.paths.lock) !== undefined) return false;
  const entry = process.argv[1];
  if (!entry) return false;
  let log: number | "ignore";
  try {
    mkdirSync(dirname(options.paths.log), { recursive: true, mode: 0o700 });
    log = openSync(options.paths.log, "a", 0o600);
  } catch {
    log = "ignore";
  }
  try {
    const warm = options.warm.length > 0 ? ["--warm", options.warm.join(",")] : [];
    const child = spawn(
      process.execPath,
      [...process.execArgv, entry, ...options.globalArgs, "daemon", "serve", ...warm],
      {
        detached: true,
        stdio: ["ignore", log, log],
        env: options.env,
        cwd: "/",
      },
    );
    child.on("error", () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  } finally {
    if (typeof log === "number") closeSync(log);
  }
}
