import { untilAborted } from "../../link/untilAborted.js";
import { setTimeout as delay } from "node:timers/promises";
import { ExitCode, isMoorError, remoteError } from "../../errors.js";
import type { RemoteChannel } from "../../link/types.js";
import type { FollowLink } from "../../link/linkSlices.js";
import { readLogWindow } from "./readLog.js";
import type { EscapeStripper } from "../../text/escapes.js";
import { pumpTail, type TailEnd } from "./tailChannel.js";

export type FollowEvent =
  | { kind: "down" }
  | { kind: "resumed"; downMs: number; offset: number }
  /** The file got shorter than what was received (truncated or replaced): reading goes on from its start. */
  | { kind: "restarted"; reason: string };

export interface FollowOptions {
  source: FollowLink;
  /** Relative to the remote home. */
  path: string;
  /** HOST:SESSION, for messages. */
  target: string;
  /** Bytes of the file already delivered: following starts with the next one. */
  from: number;
  out: NodeJS.WritableStream;
  /** Strips escape sequences on the way out (offsets still count the raw bytes); absent: raw. Shared with what was
   *  printed before following, so a sequence split across the two is still removed. */
  stripper?: EscapeStripper;
  signal: AbortSignal;
  onEvent?: (event: FollowEvent) => void;
  /** Injected so unit tests run on fake time. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  now?: () => number;
}

const RETRY_PAUSE_MS = 250;
const TAIL_RESTARTED = /truncated|has been replaced|has appeared/i;

// tail -c +N starts at byte N, counted from 1.
export function followArgv(path: string, offset: number): string[] {
  return ["tail", "-c", `+${String(offset + 1)}`, "-F", path];
}

const sleepFor = (ms: number, signal: AbortSignal): Promise<void> =>
  delay(ms, undefined, { signal }).catch(() => undefined);

// Follows a remote log like tail -f and, across link drops, reopens `tail -c +N -F` at the byte after the last
// one received: offsets count the bytes handed to `out`, so nothing is lost and nothing repeated. Returns the
// offset reached when the signal aborts.
export async function followLog(options: FollowOptions): Promise<number> {
  const { source, path, signal, out } = options;
  const sleep = options.sleep ?? sleepFor;
  const now = options.now ?? Date.now;
  const stripper = options.stripper;
  let offset = options.from;
  let downSince: number | undefined;
  const handlers = {
    onData: (chunk: Buffer): boolean => {
      offset += chunk.length;
      const data = stripper === undefined ? chunk : stripper.push(chunk);
      return data.length === 0 || out.write(data);
    },
    drained: () => new Promise<void>((resolve) => out.once("drain", () => resolve())),
    onNotice: (line: string) => {
      // tail -F itself starts the new file from its first byte; the count follows it.
      if (!TAIL_RESTARTED.test(line)) return;
      offset = 0;
      options.onEvent?.({ kind: "restarted", reason: line });
    },
  };
  // undefined when the signal stopped the wait first (a link that is down may take forever).
  const unlessStopped = <T>(work: Promise<T>, late?: (value: T) => void): Promise<T | undefined> =>
    untilAborted(work, signal, late).catch((error: unknown) => {
      if (signal.aborted) return undefined;
      throw error;
    });
  while (!signal.aborted) {
    if (downSince !== undefined) offset = (await unlessStopped(checkNotShrunk(options, offset))) ?? offset;
    const channel = await unlessStopped(openTail(source, followArgv(path, offset)), (late) => late?.close());
    if (signal.aborted) break;
    if (channel === undefined) {
      downSince ??= markDown(options, now());
      await sleep(RETRY_PAUSE_MS, signal);
      continue;
    }
    if (downSince !== undefined) options.onEvent?.({ kind: "resumed", downMs: now() - downSince, offset });
    downSince = undefined;
    const end = await pumpTail(channel, handlers, signal);
    if (end.kind === "exited") throw tailFailed(options, end);
    if (end.kind === "dropped") downSince = markDown(options, now());
  }
  return offset;
}

function markDown(options: FollowOptions, at: number): number {
  options.onEvent?.({ kind: "down" });
  return at;
}

// undefined when the link is down (it reconnects by itself; the caller tries again); other failures are thrown.
async function openTail(source: FollowLink, argv: string[]): Promise<RemoteChannel | undefined> {
  try {
    return await source.open(argv);
  } catch (error) {
    if (isMoorError(error) && error.exitCode === ExitCode.unreachable) return undefined;
    throw error;
  }
}

// After a drop: a log now shorter than what was received was truncated or replaced meanwhile; read it from its
// start rather than wait for it to grow past the old offset. A failed check leaves the offset as it was.
async function checkNotShrunk(options: FollowOptions, offset: number): Promise<number> {
  try {
    const { size } = await readLogWindow(options.source, options.path, 0, options.target);
    if (size >= offset) return offset;
    options.onEvent?.({
      kind: "restarted",
      reason: `the log is now ${String(size)} bytes, shorter than the ${String(offset)} received`,
    });
    return 0;
  } catch {
    return offset;
  }
}

function tailFailed(options: FollowOptions, end: Extract<TailEnd, { kind: "exited" }>): Error {
  const said =
    end.stderr.trim().split("\n").pop() ||
    (end.signal === undefined ? `exit status ${String(end.code)}` : `signal ${end.signal}`);
  return remoteError(`following the log of ${options.target} on ${options.source.label} stopped: tail said ${said}`);
}
