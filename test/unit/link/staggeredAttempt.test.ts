import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { attemptDeadlines } from "../../../src/link/sshHostLink.js";
import { staggeredAttempt } from "../../../src/link/staggeredAttempt.js";

interface Pending {
  resolve: (value: string) => void;
  reject: (error: Error) => void;
  signal: AbortSignal;
}

function controllable(): { start: (signal: AbortSignal) => Promise<string>; attempts: Pending[] } {
  const attempts: Pending[] = [];
  return {
    attempts,
    start: (signal) => new Promise<string>((resolve, reject) => attempts.push({ resolve, reject, signal })),
  };
}

const base = { staggerMs: 1_000, maxInFlight: 3, isFatal: () => false };

describe("staggeredAttempt", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("starts another attempt each interval while earlier ones hang, up to the limit", async () => {
    const { start, attempts } = controllable();
    const result = staggeredAttempt(start, { ...base, discard: () => undefined });
    expect(attempts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(attempts).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(attempts).toHaveLength(3);
    attempts[2]?.resolve("third");
    await expect(result).resolves.toBe("third");
    expect(attempts[0]?.signal.aborted).toBe(true);
    expect(attempts[1]?.signal.aborted).toBe(true);
  });

  it("closes a connection that succeeds after another already won", async () => {
    const { start, attempts } = controllable();
    const discarded: string[] = [];
    const result = staggeredAttempt(start, { ...base, discard: (value) => discarded.push(value) });
    await vi.advanceTimersByTimeAsync(1_000);
    attempts[1]?.resolve("second");
    await expect(result).resolves.toBe("second");
    attempts[0]?.resolve("late");
    await vi.advanceTimersByTimeAsync(0);
    expect(discarded).toEqual(["late"]);
  });

  it("fails once every attempt in flight has failed, with the last error", async () => {
    const { start, attempts } = controllable();
    const result = staggeredAttempt(start, { ...base, discard: () => undefined });
    attempts[0]?.reject(Object.assign(new Error("refused"), { code: "ECONNREFUSED" }));
    await expect(result).rejects.toThrow("refused");
    await vi.advanceTimersByTimeAsync(5_000);
    expect(attempts).toHaveLength(1);
  });

  it("ends at once on a fatal failure even while others hang", async () => {
    const { start, attempts } = controllable();
    const fatal = new Error("auth");
    const result = staggeredAttempt(start, { ...base, isFatal: (error) => error === fatal, discard: () => undefined });
    await vi.advanceTimersByTimeAsync(1_000);
    attempts[1]?.reject(fatal);
    await expect(result).rejects.toBe(fatal);
    expect(attempts[0]?.signal.aborted).toBe(true);
  });

  it("stops when its signal is aborted", async () => {
    const { start, attempts } = controllable();
    const controller = new AbortController();
    const result = staggeredAttempt(start, { ...base, signal: controller.signal, discard: () => undefined });
    controller.abort(new Error("closing"));
    await expect(result).rejects.toThrow("closing");
    expect(attempts[0]?.signal.aborted).toBe(true);
  });

  it("connects a host that is only slow: later attempts are given longer deadlines", async () => {
    // A host whose handshake takes 5 s: every attempt with the first 3 s deadline would time out, for ever.
    const handshakeMs = 5_000;
    const started: number[] = [];
    const start = (signal: AbortSignal, attempt: number): Promise<string> =>
      new Promise<string>((resolve, reject) => {
        started.push(attempt);
        const { handshakeMs: deadline } = attemptDeadlines(3_000, attempt);
        const done = setTimeout(() => resolve(`attempt ${attempt}`), handshakeMs);
        const fail = setTimeout(() => {
          clearTimeout(done);
          reject(Object.assign(new Error("handshake timed out"), { code: "ETIMEDOUT" }));
        }, deadline);
        signal.addEventListener("abort", () => {
          clearTimeout(done);
          clearTimeout(fail);
          reject(new Error("aborted"));
        });
      });
    const result = staggeredAttempt(start, { ...base, discard: () => undefined });
    await vi.advanceTimersByTimeAsync(7_000);
    await expect(result).resolves.toBe("attempt 1");
    expect(started.slice(0, 3)).toEqual([0, 1, 2]);
  });
});

describe("attemptDeadlines", () => {
  it("gives each later attempt one more share of the deadlines, up to four", () => {
    expect([0, 1, 2, 3, 4, 9].map((attempt) => attemptDeadlines(3_000, attempt))).toEqual([
      { handshakeMs: 3_000, readyMs: 3_000 },
      { handshakeMs: 6_000, readyMs: 6_000 },
      { handshakeMs: 9_000, readyMs: 9_000 },
      { handshakeMs: 12_000, readyMs: 12_000 },
      { handshakeMs: 12_000, readyMs: 12_000 },
      { handshakeMs: 12_000, readyMs: 12_000 },
    ]);
  });
});
