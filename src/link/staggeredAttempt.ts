export interface StaggerOptions<T> {
  /** Start another attempt when none has finished after this long. */
  staggerMs: number;
  /** Attempts that may hang at once; each ends by its own handshake timeout. */
  maxInFlight: number;
  /** A failure that must end the whole group at once (authentication, host key). */
  isFatal: (error: unknown) => boolean;
  /** Closes a connection that succeeded after another one had already won. */
  discard: (value: T) => void;
  signal?: AbortSignal;
}

// A blackholed link accepts TCP and then swallows everything, so an attempt made while it was down
// hangs even after the network is back. Starting a fresh attempt every staggerMs while earlier ones
// hang means the link is back within about staggerMs of the network returning; the first success wins.
// Each attempt is told its index (0 for the first), so later ones may wait longer: when every attempt fails
// only because the host is slow (a loaded machine, a long RTT), one of them must be given the time to finish.
export function staggeredAttempt<T>(
  start: (signal: AbortSignal, attempt: number) => Promise<T>,
  options: StaggerOptions<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const controllers: AbortController[] = [];
    let inFlight = 0;
    let launched = 0;
    let settled = false;
    const finish = (outcome: () => void): void => {
      settled = true;
      clearInterval(timer);
      options.signal?.removeEventListener("abort", onAbort);
      for (const controller of controllers) controller.abort();
      outcome();
    };
    const launch = (): void => {
      const controller = new AbortController();
      controllers.push(controller);
      inFlight++;
      start(controller.signal, launched++).then(
        (value) => {
          inFlight--;
          if (settled) return options.discard(value);
          finish(() => resolve(value));
        },
        (error: Error) => {
          inFlight--;
          if (!settled && (inFlight === 0 || options.isFatal(error))) finish(() => reject(error));
        },
      );
    };
    const onAbort = (): void =>
      finish(() => reject(options.signal?.reason instanceof Error ? options.signal.reason : new Error("aborted")));
    const timer = setInterval(() => {
      if (!settled && inFlight < options.maxInFlight) launch();
    }, options.staggerMs);
    timer.unref();
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener("abort", onAbort, { once: true });
    launch();
  });
}
