// What the work gives, or undefined as soon as the signal aborts (a link that is down may take forever to
// give it); a result that arrives too late is handed to `discard` (a channel to close).
export async function untilAborted<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  discard?: (late: T) => void,
): Promise<T | undefined> {
  if (signal === undefined) return await work;
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<undefined>((resolve) => {
    onAbort = () => resolve(undefined);
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([work, aborted]);
  } finally {
    signal.removeEventListener("abort", onAbort);
    if (signal.aborted) work.then(discard, () => undefined);
  }
}
