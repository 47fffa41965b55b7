import { closeSync, mkdirSync, openSync, rmSync, statSync } from "node:fs";
import { dirname } from "node:path";
import type { MoorError } from "../errors.js";
import { usageError } from "../errors.js";
import { firstLine } from "../text/firstLine.js";

// What a lock guards, for its error message: "cannot lock WHAT", "if no other moor is changing CHANGING".
export interface LockedFile {
  what: string;
  changing: string;
}

const LOCK_RETRY_MS = 20;
const LOCK_WAIT_MS = 3_000;
// Longer than any write of the registry takes: a lock this old was left by a moor that died holding it.
const LOCK_STALE_MS = 10_000;

// A cross-process lock: whoever creates the lock file (O_EXCL) holds it. Synchronous, like conf's writes.
export function withFileLock<T>(lockPath: string, file: LockedFile, action: () => T): T {
  mkdirSync(dirname(lockPath), { recursive: true, mode: 0o700 });
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      closeSync(openSync(lockPath, "wx", 0o600));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw lockError(lockPath, file, error);
      if (removeIfStale(lockPath)) continue;
      if (Date.now() >= deadline)
        throw lockError(lockPath, file, new Error(`held by another moor for over ${LOCK_WAIT_MS / 1000} s`));
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, LOCK_RETRY_MS);
    }
  }
  try {
    return action();
  } finally {
    rmSync(lockPath, { force: true });
  }
}

// True when the lock is free to take again: gone already, or stale and removed now.
function removeIfStale(lockPath: string): boolean {
  let age: number;
  try {
    age = Date.now() - statSync(lockPath).mtimeMs;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT";
  }
  if (age < LOCK_STALE_MS) return false;
  rmSync(lockPath, { force: true });
  return true;
}

function lockError(lockPath: string, file: LockedFile, error: unknown): MoorError {
  return usageError(`cannot lock ${file.what} (${lockPath}): ${errorLine(error)}`, {
    hint: `if no other moor is changing ${file.changing}, remove ${lockPath}`,
    cause: error,
  });
}

// An error's first line, for one-line messages.
export function errorLine(error: unknown): string {
  return firstLine(error instanceof Error ? error.message : String(error));
}
