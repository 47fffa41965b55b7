// The timing side of the bad-WiFi proxy, pure (every time is passed in), so its schedule is unit-tested with fake time.

export interface Range {
  min: number;
  max: number;
}

export interface WifiProfile {
  /** Each byte arrives this long after it could leave (both ways: RTT is twice this). */
  oneWayDelayMs: number;
  /** ± this much, drawn per chunk; a chunk never overtakes the one before it on the same connection. */
  jitterMs: number;
  /** Bits per second each way, shared by every connection (0: no cap). */
  rateBitsPerSecond: number;
  /** Every connection, old and new, freezes for `lengthMs` at gaps of `everyMs`, then delivers what queued. */
  stalls?: { everyMs: Range; lengthMs: Range };
  /** The same seed gives the same stalls and the same jitter. */
  seed: number;
}

export interface Stall {
  start: number;
  end: number;
}

// mulberry32: small, fast, and the same sequence for the same seed on every machine.
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const between = (random: () => number, range: Range): number => range.min + random() * (range.max - range.min);

export type Direction = "up" | "down";

// When each chunk that enters the link at `now` comes out of it: after the rate cap's queue, the delay and the
// jitter, in order per connection, and never inside a stall (held to its end). Stalls are drawn from the seed,
// counted from `startedAt`.
export class WifiSchedule {
  readonly #profile: WifiProfile;
  readonly #jitter: () => number;
  readonly #stallRandom: () => number;
  readonly #stalls: Stall[] = [];
  readonly #wireFreeAt: Record<Direction, number>;
  #lastStallEnd: number;

  constructor(profile: WifiProfile, startedAt: number) {
    this.#profile = profile;
    this.#jitter = seededRandom(profile.seed);
    this.#stallRandom = seededRandom(profile.seed ^ 0x5bd1e995);
    this.#wireFreeAt = { up: startedAt, down: startedAt };
    this.#lastStallEnd = startedAt;
  }

  /** The stalls that begin at or before `until` (drawn lazily, so the schedule never ends). */
  stallsUntil(until: number): readonly Stall[] {
    const stalls = this.#profile.stalls;
    if (!stalls) return [];
    while (this.#lastStallEnd <= until) {
      const start = this.#lastStallEnd + between(this.#stallRandom, stalls.everyMs);
      const end = start + between(this.#stallRandom, stalls.lengthMs);
      this.#stalls.push({ start, end });
      this.#lastStallEnd = end;
    }
    return this.#stalls.filter((stall) => stall.start <= until);
  }

  /** The stall `at` falls in, if any. */
  stallAt(at: number): Stall | undefined {
    return this.stallsUntil(at).find((stall) => stall.start <= at && at < stall.end);
  }

  /** When a chunk of `bytes` sent at `now` arrives, given the previous chunk on its connection arrived at `after`. */
  deliverAt(direction: Direction, now: number, bytes: number, after = 0): number {
    const { rateBitsPerSecond, oneWayDelayMs, jitterMs } = this.#profile;
    const leaves = Math.max(now, this.#wireFreeAt[direction]);
    const onWire = rateBitsPerSecond > 0 ? (bytes * 8 * 1000) / rateBitsPerSecond : 0;
    this.#wireFreeAt[direction] = leaves + onWire;
    const jitter = jitterMs > 0 ? (this.#jitter() * 2 - 1) * jitterMs : 0;
    const arrives = Math.max(after, leaves + onWire + oneWayDelayMs + jitter);
    return this.stallAt(arrives)?.end ?? arrives;
  }
}
