import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { usageError, type MoorError } from "../../errors.js";
import { errorLine } from "../../config/fileLock.js";

/** queued: waiting for its session; sending: one process claimed it and is typing it (never typed twice). */
type OutboxState = "queued" | "sending";

// One prompt put aside by `moor send --queue` (or a reply typed in watch while its host is dark).
export interface OutboxItem {
  id: string;
  /** HOST:SESSION[:WINDOW] as the user wrote it. */
  target: string;
  /** The exact text, as UTF-8; `base64` instead when the bytes are not valid UTF-8. */
  text?: string;
  base64?: string;
  /** Press Enter after the text (false with --no-enter). */
  enter: boolean;
  /** ISO time. */
  queuedAt: string;
  state: OutboxState;
  /** Who claimed it for typing, and when (ISO): set while `sending`. */
  claim?: { pid: number; at: string };
}

export interface OutboxContent {
  version: 1;
  items: OutboxItem[];
  /** When each target last had an item typed (ISO): its next item waits for the turn that one started to end. */
  typed?: Record<string, string>;
}

// The outbox beside the host registry: one file per config dir, so holders and commands of that dir share it.
export const outboxFile = (configDir: string): string => join(configDir, "outbox.json");

// Reads the outbox; a missing file is an empty one. Anything else unreadable is an error that leaves it untouched.
export function readOutbox(file: string): OutboxContent {
  let raw: string;
  try {
    raw = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { version: 1, items: [] };
    throw corrupted(file, error);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw corrupted(file, error);
  }
  const problem = contentProblem(parsed);
  if (problem !== undefined) throw corrupted(file, new Error(problem));
  return parsed as OutboxContent;
}

// Writes the whole outbox so that a reader sees the old file or the new one, never half: temp file (0600), synced,
// renamed over it. Called only under the outbox lock, after a successful read.
export function writeOutbox(file: string, content: OutboxContent): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${String(process.pid)}.tmp`;
  try {
    const fd = openSync(temp, "w", 0o600);
    try {
      writeSync(fd, `${JSON.stringify(content, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw usageError(`could not write moor's outbox ${file}: ${errorLine(error)}`, {
      hint: "check that its folder is writable and has space; the outbox was left as it was",
      cause: error,
    });
  }
}

function corrupted(file: string, error: unknown): MoorError {
  return usageError(`cannot read moor's outbox ${file}: ${errorLine(error)}`, {
    hint: "fix or move the file away (moor left it untouched, and its prompts are still in it)",
    cause: error,
  });
}

const isString = (value: unknown): value is string => typeof value === "string";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

// Why a parsed file is not an outbox, or undefined when it is one.
function contentProblem(parsed: unknown): string | undefined {
  if (!isObject(parsed) || parsed.version !== 1 || !Array.isArray(parsed.items))
    return 'expected {"version": 1, "items": [...]}';
  if (parsed.typed !== undefined && (!isObject(parsed.typed) || !Object.values(parsed.typed).every(isString)))
    return '"typed" is not an object of times';
  for (const [index, item] of parsed.items.entries()) {
    const problem = itemProblem(item);
    if (problem !== undefined) return `item ${String(index + 1)}: ${problem}`;
  }
  return undefined;
}

function itemProblem(item: unknown): string | undefined {
  if (!isObject(item)) return "not an object";
  for (const key of ["id", "target", "queuedAt"] as const)
    if (typeof item[key] !== "string") return `"${key}" is not a string`;
  if (typeof item.text !== "string" && typeof item.base64 !== "string") return 'no "text"';
  if (typeof item.enter !== "boolean") return '"enter" is not true or false';
  if (item.state !== "queued" && item.state !== "sending") return '"state" is not "queued" or "sending"';
  return undefined;
}
