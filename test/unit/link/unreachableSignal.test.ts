import { EventEmitter, getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { ExitCode } from "../../../src/errors.js";
import type { LinkState } from "../../../src/link/linkState.js";
import { unreachableSignal } from "../../../src/link/unreachableSignal.js";
import { untilAborted } from "../../../src/link/untilAborted.js";

const retrying = (attempt: number): LinkState => ({
  kind: "retrying",
  attempt,
  nextDelayMs: 500,
  nextAt: 0,
  reason: "connection refused",
});

const fakeLink = () => ({ label: "box", events: new EventEmitter<{ state: [LinkState] }>() });

describe("unreachableSignal", () => {
  it("aborts with exit 3 once a host that was never reached fails more attempts than allowed", async () => {
    const link = fakeLink();
    const contact = unreachableSignal(link, 3, { untilUp: true });
    const work = untilAborted(new Promise(() => undefined), contact.signal);
    for (const attempt of [1, 2, 3]) link.events.emit("state", retrying(attempt));
    expect(contact.signal.aborted).toBe(false);
    link.events.emit("state", retrying(4));
    await expect(work).rejects.toMatchObject({
      exitCode: ExitCode.unreachable,
      message: "box unreachable: connection refused",
    });
    expect(link.events.listenerCount("state")).toBe(0);
  });

  it("lets the work wait through later drops once the link has been up (untilUp)", async () => {
    const link = fakeLink();
    const contact = unreachableSignal(link, 1, { untilUp: true });
    let finish: (value: string) => void = () => undefined;
    const work = untilAborted(new Promise<string>((resolve) => (finish = resolve)), contact.signal);
    link.events.emit("state", { kind: "up", since: 0 });
    for (const attempt of [1, 2, 3]) link.events.emit("state", retrying(attempt));
    finish("done");
    await expect(work).resolves.toBe("done");
    expect(contact.signal.aborted).toBe(false);
  });

  it("counts failures from when it was made, through ups, without untilUp", () => {
    const link = fakeLink();
    const budget = unreachableSignal(link, 1);
    link.events.emit("state", retrying(7));
    link.events.emit("state", { kind: "up", since: 0 });
    expect(budget.signal.aborted).toBe(false);
    link.events.emit("state", retrying(1));
    expect(budget.signal.aborted).toBe(true);
    budget.stop();
    expect(link.events.listenerCount("state")).toBe(0);
  });
});

describe("untilAborted", () => {
  it("gives the work's value, or its error, when no signal aborts", async () => {
    await expect(untilAborted(Promise.resolve(1), undefined)).resolves.toBe(1);
    await expect(untilAborted(Promise.resolve(2), new AbortController().signal)).resolves.toBe(2);
    await expect(untilAborted(Promise.reject(new Error("no")), new AbortController().signal)).rejects.toThrow("no");
  });

  it("rejects with the signal's reason as soon as it aborts, and hands a late value to `late`", async () => {
    const controller = new AbortController();
    let finish: (value: string) => void = () => undefined;
    const late: string[] = [];
    const work = untilAborted(new Promise<string>((resolve) => (finish = resolve)), controller.signal, (value) =>
      late.push(value),
    );
    controller.abort(new Error("stopped"));
    await expect(work).rejects.toThrow("stopped");
    finish("channel");
    await new Promise((resolve) => setImmediate(resolve));
    expect(late).toEqual(["channel"]);
  });

  it("rejects at once for a signal already aborted, and combines causes with AbortSignal.any", async () => {
    await expect(untilAborted(Promise.resolve("ready"), AbortSignal.abort(new Error("before")))).rejects.toThrow(
      "before",
    );
    const user = new AbortController();
    const budget = new AbortController();
    const work = untilAborted(new Promise(() => undefined), AbortSignal.any([user.signal, budget.signal]));
    budget.abort(new Error("budget"));
    await expect(work).rejects.toThrow("budget");
  });

  it("stops listening to the signal once the work settles", async () => {
    const controller = new AbortController();
    await untilAborted(Promise.resolve("done"), controller.signal);
    await expect(untilAborted(Promise.reject(new Error("no")), controller.signal)).rejects.toThrow("no");
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});
