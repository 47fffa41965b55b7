import { notFoundError, remoteError } from "../../errors.js";
import type { RemoteExec } from "../../link/remoteExec.js";
import { lastLinesStart } from "./lastLines.js";
import { firstLine } from "../../text/firstLine.js";

/** "all", or how many lines from the end. */
export type LogLines = number | "all";

export interface LogTail {
  /** The file's size when it was read: following resumes from here. */
  size: number;
  /** The last lines asked for, as the raw bytes of the file. */
  data: Buffer;
}

// A fixed script (the path and window come in as $1 and $2, quoted by quoteArgv): prints the file's size, then its
// last $2 bytes up to that size only, so bytes appended meanwhile are never half-counted. No such file: exit 66.
const WINDOW_SCRIPT = [
  `size=$(wc -c < "$1") || exit 66`,
  `size=$((size + 0)); from=$(( size > $2 ? size - $2 : 0 ))`,
  `printf '%s\\n' "$size"`,
  `[ "$size" -gt "$from" ] || exit 0`,
  `tail -c +$((from + 1)) "$1" | head -c $((size - from))`,
].join("\n");

const FIRST_WINDOW = 64 * 1024;
const NO_LOG_EXIT = 66;

export function logWindowArgv(path: string, windowBytes: number): string[] {
  return ["sh", "-c", WINDOW_SCRIPT, "sh", path, String(windowBytes)];
}

// The size of the log and its last `windowBytes` bytes (fewer when the file is smaller).
export async function readLogWindow(
  link: RemoteExec,
  path: string,
  windowBytes: number,
  target: string,
): Promise<LogTail> {
  const result = await link.exec(logWindowArgv(path, windowBytes));
  if (result.code === NO_LOG_EXIT) {
    throw notFoundError(
      `no log for ${target} on ${link.label}: ~/${path} does not exist`,
      `the session may have been made with --no-log, or not by moor; "moor ls ${link.label}" lists the sessions, "moor capture ${target}" saves what its pane shows`,
    );
  }
  const newline = result.stdout.indexOf(0x0a);
  const size = Number(result.stdout.subarray(0, newline).toString());
  if (result.code !== 0 || newline < 0 || !Number.isSafeInteger(size)) {
    const said = firstLine(result.stderr) || `exit status ${String(result.code)}`;
    throw remoteError(`could not read the log of ${target} on ${link.label}: ${said}`);
  }
  return { size, data: result.stdout.subarray(newline + 1) };
}

// The last `lines` lines of the log (all of it for "all") and the size they end at. The window read from the
// end grows until it holds enough lines, so a long log is never fetched whole for a few lines.
export async function readLogTail(link: RemoteExec, path: string, lines: LogLines, target: string): Promise<LogTail> {
  if (lines === "all") return readLogWindow(link, path, Number.MAX_SAFE_INTEGER, target);
  if (lines === 0) return { ...(await readLogWindow(link, path, 0, target)), data: Buffer.alloc(0) };
  for (let window = FIRST_WINDOW; ; window *= 4) {
    const tail = await readLogWindow(link, path, window, target);
    const start = lastLinesStart(tail.data, lines);
    if (start !== undefined) return { size: tail.size, data: tail.data.subarray(start) };
    if (tail.data.length >= tail.size) return tail;
  }
}
