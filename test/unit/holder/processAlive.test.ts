import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { processAlive } from "../../../src/holder/processAlive.js";

describe("processAlive", () => {
  it("is true for this process and false for a pid that is gone", () => {
    expect(processAlive(process.pid)).toBe(true);
    expect(processAlive(2 ** 22 + 12345)).toBe(false);
  });

  // A killed holder nobody reaps stays a zombie: signal 0 reaches it, but it serves nothing and holds no lock.
  it.runIf(existsSync("/proc/self/stat"))("is false for a zombie (a child its parent never waits for)", async () => {
    const parent = spawn("sh", ["-c", "sleep 0.1 & echo $!; exec sleep 5"], { stdio: ["ignore", "pipe", "ignore"] });
    try {
      const pid = await new Promise<number>((resolve) =>
        parent.stdout.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim()))),
      );
      expect(processAlive(pid)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(processAlive(pid)).toBe(false);
    } finally {
      parent.kill();
    }
  });
});
