// sshd refuses channels past MaxSessions (10 by default): extra work waits here for a free slot
// instead of failing.
export class ChannelBudget {
  readonly #limit: number;
  #inUse = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`channel limit must be a positive integer, got ${limit}`);
    this.#limit = limit;
  }

  get inUse(): number {
    return this.#inUse;
  }

  get queued(): number {
    return this.#waiting.length;
  }

  async acquire(): Promise<() => void> {
    if (this.#inUse >= this.#limit) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#inUse++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (next) next();
      else this.#inUse--;
    };
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}
