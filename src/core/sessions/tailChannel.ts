import type { RemoteChannel } from "../../link/types.js";

/** How one `tail -F` channel ended. */
export type TailEnd =
  | { kind: "aborted" }
  /** Closed without an exit status: the link dropped under it. */
  | { kind: "dropped" }
  | { kind: "exited"; code: number | null; signal?: string; stderr: string };

export interface TailHandlers {
  /** Each chunk as it arrives, in order; returns false when the reader wants it to pause. */
  onData(chunk: Buffer): boolean;
  /** Resolves when a paused reader can take more. */
  drained(): Promise<void>;
  /** A line tail printed on stderr ("file truncated", "has been replaced"...). */
  onNotice(line: string): void;
}

const STDERR_KEPT = 4_096;

// Feeds one remote tail's output to the handlers until it ends or the signal aborts. No chunk is handed over
// after it has ended, so a caller that reopens from what it counted can never see a byte twice.
export async function pumpTail(channel: RemoteChannel, handlers: TailHandlers, signal: AbortSignal): Promise<TailEnd> {
  let live = true;
  let stderr = "";
  channel.stdout.on("data", (chunk: Buffer) => {
    if (!live) return;
    if (handlers.onData(chunk)) return;
    channel.stdout.pause();
    void handlers.drained().then(() => live && channel.stdout.resume());
  });
  channel.stderr.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    stderr = (stderr + text).slice(-STDERR_KEPT);
    for (const line of text.split("\n")) if (live && line.trim() !== "") handlers.onNotice(line.trim());
  });
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<TailEnd>((resolve) => {
    onAbort = () => resolve({ kind: "aborted" });
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
  const exited = channel.exit.then((exit): TailEnd => {
    if (exit.code === null && exit.signal === undefined) return { kind: "dropped" };
    return { kind: "exited", code: exit.code, ...(exit.signal === undefined ? {} : { signal: exit.signal }), stderr };
  });
  try {
    return await Promise.race([aborted, exited]);
  } finally {
    live = false;
    signal.removeEventListener("abort", onAbort);
    channel.stdout.resume();
    channel.close();
  }
}
