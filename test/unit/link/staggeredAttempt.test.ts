import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
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
});
