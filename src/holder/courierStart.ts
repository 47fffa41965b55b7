import { spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync } from "node:fs";
import { dirname, join } from "node:path";
import { lockOwner } from "./clientStart.js";

// Where the outbox's own courier keeps its pid and its log: beside the outbox.
export const courierLock = (configDir: string): string => join(configDir, "outbox.json.courier");
const courierLog = (configDir: string): string => join(configDir, "outbox.log");

// With no holder allowed (MOOR_NO_DAEMON=1, persist 0), `send --queue` starts this instead: a background moor that
// only types the outbox, and leaves once it is empty. One per config dir (a pid lock file).
export function startCourier(configDir: string, globalArgs: readonly string[], env: NodeJS.ProcessEnv): void {
  if (lockOwner(courierLock(configDir)) !== undefined) return;
  const entry = process.argv[1];
  if (!entry) return;
  let log: number | "ignore" = "ignore";
  try {
    mkdirSync(dirname(courierLog(configDir)), { recursive: true, mode: 0o700 });
    log = openSync(courierLog(configDir), "a", 0o600);
  } catch {
    // a courier without a log still types
  }
  try {
    const child = spawn(process.execPath, [...process.execArgv, entry, ...globalArgs, "outbox", "serve"], {
      detached: true,
      stdio: ["ignore", log, log],
      env,
      cwd: "/",
    });
    child.on("error", () => undefined);
    child.unref();
  } finally {
    if (typeof log === "number") closeSync(log);
  }
}
