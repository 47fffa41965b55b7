// Time, injected wherever there is polling or keepalive, so unit tests run on fake time. A leaf every layer may
// import, like errors.ts.
export interface Clock {
  now(): number;
  every(ms: number, tick: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  every: (ms, tick) => {
    const timer = setInterval(tick, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
};
