import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { stopOnSignals } from "../../../../src/cli/terminal/stopSignals.js";

describe("stopOnSignals", () => {
  it.each(["SIGINT", "SIGQUIT", "SIGTERM", "SIGHUP"] as const)("aborts on %s and says which came first", (name) => {
    const before = process.listenerCount(name);
    const stop = stopOnSignals();
    process.emit(name, name);
    process.emit("SIGINT", "SIGINT");
    expect([stop.signal.aborted, stop.received()]).toEqual([true, name]);
    stop.dispose();
    expect(process.listenerCount(name)).toBe(before);
  });

  it.each(["EPIPE", "ECONNRESET"])("aborts when standard output fails with %s: the reader went away", (code) => {
    const stdout = new EventEmitter();
    const stop = stopOnSignals(stdout);
    stdout.emit("error", Object.assign(new Error("write failed"), { code }));
    expect([stop.signal.aborted, stop.received()]).toEqual([true, "output closed"]);
    stop.dispose();
    expect(stdout.listenerCount("error")).toBe(0);
  });
});
