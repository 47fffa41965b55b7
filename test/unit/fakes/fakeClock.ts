import type { Clock } from "../../../src/clock.js";

// Time that moves only when the test says so: timers fire and sleeps end as advance() passes them.
export class FakeClock implements Clock {
  time = 1_000_000;
  holds = 0;
  #tickers: { every: number; next: number; tick: () => void }[] = [];

  now(): number {
    return this.time;
  }

  every(ms: number, tick: () => void): () => void {
    const ticker = { every: ms, next: this.time + ms, tick };
    this.#tickers.push(ticker);
    return () => {
      this.#tickers = this.#tickers.filter((t) => t !== ticker);
    };
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const stop = this.every(ms, () => {
        stop();
        resolve();
      });
    });
  }

  hold(): () => void {
    this.holds++;
    return () => void this.holds--;
  }

  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.#tickers.filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      this.time = due.next;
      due.next += due.every;
      due.tick();
    }
    this.time = end;
  }
}

// Time that passes only while the code under test sleeps: every sleep returns at once, having moved the clock.
export function sleepingClock(start = 0): Clock & { slept: number } {
  const clock = {
    slept: start,
    now: () => clock.slept,
    every: () => () => undefined,
    sleep: (ms: number) => {
      clock.slept += ms;
      return Promise.resolve();
    },
    hold: () => () => undefined,
  };
  return clock;
}
