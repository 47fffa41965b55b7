import type { Clock } from "../clock.js";

/** How long a burst of changes is gathered into one notification. */
const BURST_MS = 1_500;

// Gathers items for `windowMs` from the first one, then hands them over together: a burst is one notification.
export class Coalescer<T> {
  readonly #clock: Clock;
  readonly #windowMs: number;
  readonly #flush: (items: T[]) => void;
  #pending: T[] = [];
  #stopTimer: (() => void) | undefined;

  constructor(clock: Clock, flush: (items: T[]) => void, windowMs = BURST_MS) {
    this.#clock = clock;
    this.#flush = flush;
    this.#windowMs = windowMs;
  }

  add(item: T): void {
    this.#pending.push(item);
    this.#stopTimer ??= this.#clock.every(this.#windowMs, () => this.flush());
  }

  /** Hands over what is pending now (also when moor stops). */
  flush(): void {
    this.#stopTimer?.();
    this.#stopTimer = undefined;
    const items = this.#pending;
    this.#pending = [];
    if (items.length > 0) this.#flush(items);
  }
}
