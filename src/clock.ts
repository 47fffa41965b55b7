// Time, injected wherever there is polling, backoff or keepalive, so unit tests run on fake time. A leaf every layer
// may import, like errors.ts.
export interface Clock {
  now(): number;
  /** Calls tick every ms until the returned stop is called; never holds the process open by itself. */
  every(ms: number, tick: () => void): () => void;
  sleep(ms: number): Promise<void>;
  /** Keeps the process running until the returned release is called: a long-running command whose timers and
   * links may all be idle (a watch whose every host gave up, a wait, notifier processes still running). */
  hold(): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  every: (ms, tick) => {
    const timer = setInterval(tick, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  hold: () => {
    const timer = setInterval(() => undefined, 1 << 30);
    return () => clearInterval(timer);
  },
};
