import { once } from "node:events";

// The one race: what the work gives, or the signal's reason as soon as it aborts (a link that is down may take
// forever to give it). A value that arrives too late is handed to `late` (a channel to close). Combine causes with
// AbortSignal.any: the caller's Ctrl-C, a budget of failed attempts (unreachableSignal.ts).
export async function untilAborted<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  late?: (value: T) => void,
): Promise<T> {
  if (signal === undefined) return await work;
  if (signal.aborted) {
    work.then(late, () => undefined);
    throw signal.reason as Error;
  }
  const settled = new AbortController();
  const aborted = once(signal, "abort", { signal: settled.signal });
  try {
    return await Promise.race([work, aborted.then(() => Promise.reject(signal.reason as Error))]);
  } finally {
    settled.abort();
    if (signal.aborted) work.then(late, () => undefined);
  }
}
