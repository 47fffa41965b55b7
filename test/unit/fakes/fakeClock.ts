import type { Clock } from "../../../src/clock.js";

// Time that moves only when the test says so.
export class FakeClock implements Clock {
  time = 1_000_000;
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
