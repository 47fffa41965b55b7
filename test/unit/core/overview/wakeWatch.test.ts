import { describe, expect, it } from "vitest";
import { watchForWake, type WakeReason } from "../../../../src/core/overview/wakeWatch.js";
import type { Clock } from "../../../../src/clock.js";

// A timer that fires only when told, at whatever time the test sets: a late fire is what waking up looks like.
class ManualClock implements Clock {
  time = 0;
  ticks: (() => void)[] = [];
  now = (): number => this.time;
  every(_ms: number, tick: () => void): () => void {
    this.ticks.push(tick);
    return () => (this.ticks = this.ticks.filter((other) => other !== tick));
  }
  sleep = (): Promise<void> => Promise.resolve();
  hold = (): (() => void) => () => undefined;
  fireAt(time: number): void {
    this.time = time;
    for (const tick of this.ticks) tick();
  }
}

describe("watchForWake", () => {
  it("reports a network change, and a check that ran far later than scheduled (sleep and wake)", () => {
    const clock = new ManualClock();
    let addresses = "wlan0 192.168.1.5";
    const reasons: WakeReason[] = [];
    const stop = watchForWake({
      clock,
      everyMs: 3_000,
      lateMs: 5_000,
      interfaces: () => addresses,
      onWake: (reason) => reasons.push(reason),
    });
    clock.fireAt(3_000);
    clock.fireAt(6_100);
    expect(reasons).toEqual([]);
    addresses = "wlan0 10.0.0.7";
    clock.fireAt(9_000);
    expect(reasons).toEqual(["network"]);
    clock.fireAt(12_000);
    expect(reasons).toEqual(["network"]);
    clock.fireAt(3_612_000);
    expect(reasons).toEqual(["network", "clock"]);
    clock.fireAt(3_615_000);
    stop();
    addresses = "eth0 10.1.1.1";
    clock.fireAt(3_618_000);
    expect(reasons).toEqual(["network", "clock"]);
  });
});
