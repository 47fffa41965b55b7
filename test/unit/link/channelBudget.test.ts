import { describe, expect, it } from "vitest";
import { ChannelBudget } from "../../../src/link/channelBudget.js";

describe("ChannelBudget", () => {
  it("never runs more than its limit at once and runs everything eventually", async () => {
    const budget = new ChannelBudget(3);
    let running = 0;
    let peak = 0;
    const work = async (): Promise<number> => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 2));
      running--;
      return 1;
    };
    const results = await Promise.all(Array.from({ length: 30 }, () => budget.run(work)));
    expect(results).toHaveLength(30);
    expect(peak).toBe(3);
    expect(budget.inUse).toBe(0);
  });

  it("frees the slot when the work fails", async () => {
    const budget = new ChannelBudget(1);
    await expect(budget.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(budget.run(() => Promise.resolve("ok"))).resolves.toBe("ok");
  });

  it("ignores a second release", async () => {
    const budget = new ChannelBudget(1);
    const release = await budget.acquire();
    release();
    release();
    expect(budget.inUse).toBe(0);
  });

  it("refuses a limit that is not a positive integer", () => {
    expect(() => new ChannelBudget(0)).toThrow(/positive integer, got 0/);
  });
});
