import { openSync, unlinkSync, writeSync, closeSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";
import { lockOwner } from "./clientStart.js";

// Takes the holder's lock (a file holding its pid, created exclusively): only its owner may serve the socket. A
// lock whose process is gone is stale and taken over; a live one is waited for up to waitMs (an old holder making
// way), then left alone. Returns the release function, or undefined when another holder keeps it.
export async function takeHolderLock(lock: string, waitMs: number): Promise<(() => void) | undefined> {
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      const fd = openSync(lock, "wx", 0o600);
      writeSync(fd, `${String(process.pid)}\n`);
      closeSync(fd);
      return () => {
        try {
          unlinkSync(lock);
        } catch {
          // gone already
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (lockOwner(lock) === undefined) {
      try {
        unlinkSync(lock);
      } catch {
        // another starter took it over first
      }
      continue;
    }
    if (Date.now() >= until) return undefined;
    await delay(100);
  }
}
