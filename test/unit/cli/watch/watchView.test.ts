import { describe, expect, it } from "vitest";
import type { HostWatch } from "../../../../src/core/overview/watchHosts.js";
import type { WatchSnapshot } from "../../../../src/core/overview/watchTypes.js";
import { ENTER_SCREEN, LEAVE_SCREEN, frameToAnsi } from "../../../../src/cli/watch/terminal.js";
import { runWatchView, type WatchViewDeps } from "../../../../src/cli/watch/watchView.js";
import { FakeClock } from "../../fakes/fakeClock.js";
import { FakeTerminal } from "./fakeTerminal.js";
import { NOW, plain, timeOfDay, twoHosts } from "./snapshots.js";

function setup(overrides: Partial<WatchViewDeps> = {}) {
  const terminal = new FakeTerminal();
  const clock = new FakeClock();
  clock.time = NOW;
  let push: (snapshot: WatchSnapshot) => void = () => undefined;
  const engine = { stopped: false, snapshot: twoHosts() };
  const attached: string[] = [];
  const deps: WatchViewDeps = {
    terminal,
    clock,
    style: plain,
    timeOfDay,
    start: (onChange): HostWatch => {
      push = onChange;
      return { snapshot: () => engine.snapshot, retryNow: () => undefined, stop: () => void (engine.stopped = true) };
    },
    attach: (target) => (attached.push(target), Promise.resolve(undefined)),
    ...overrides,
  };
  const view = runWatchView(deps);
  return { terminal, clock, engine, attached, view, push: (snapshot: WatchSnapshot) => push(snapshot) };
}

describe("runWatchView", () => {
  it("draws on the alternate screen, follows the keys, and quits on q with everything restored", async () => {
    const { terminal, engine, view } = setup();
    expect(terminal.entered).toBe(1);
    expect(terminal.screen()[2]).toBe("  › fix-tests  working         claude    attached  5s ago    Running…");
    terminal.type("j");
    expect(terminal.screen()[3]).toMatch(/^ {2}› refactor/);
    terminal.type("q");
    await view.done;
    expect([terminal.left, engine.stopped, terminal.listeners]).toEqual([1, true, 0]);
  });

  it("redraws on a new snapshot and as time passes, but writes nothing when the screen would not change", () => {
    const { terminal, clock, push, view } = setup();
    const writes = terminal.writes.length;
    clock.advance(400);
    expect(terminal.writes.length).toBe(writes);
    clock.advance(1_000);
    expect(terminal.screen()[2]).toContain("6s ago");
    push({ ...twoHosts(), hosts: [] });
    expect(terminal.screen()[0]).toBe("moor watch · 0 hosts · 0 sessions");
    view.quit();
  });

  it("steps aside for attach (leaving the screen), then comes back and redraws in full", async () => {
    let finish: (problem: string | undefined) => void = () => undefined;
    const { terminal, view } = setup({ attach: () => new Promise((resolve) => (finish = resolve)) });
    terminal.type("\x1b[B\r");
    expect([terminal.left, terminal.inScreen]).toEqual([1, false]);
    const writes = terminal.writes.length;
    terminal.type("q");
    expect(terminal.writes.length).toBe(writes);
    finish("moor attach gpu1:refactor ended with exit 5");
    await new Promise((resolve) => setImmediate(resolve));
    expect([terminal.entered, terminal.inScreen]).toEqual([2, true]);
    expect(terminal.screen()[7]).toBe("moor attach gpu1:refactor ended with exit 5");
    terminal.type("k");
    expect(terminal.screen()[7]).toBe("");
    view.quit();
    await view.done;
    expect(terminal.left).toBe(2);
  });

  it("gives the terminal back when the engine fails to start", async () => {
    const { terminal, view } = setup({
      start: () => {
        throw new Error("boom");
      },
    });
    await expect(view.done).rejects.toThrow("boom");
    expect([terminal.entered, terminal.left, terminal.listeners]).toEqual([1, 1, 0]);
  });
});

describe("frameToAnsi", () => {
  it("addresses and clears each row, then clears below", () => {
    expect(frameToAnsi(["a", "b"])).toBe("\x1b[1;1H\x1b[2Ka\x1b[2;1H\x1b[2Kb\x1b[J");
  });

  // Failed before the fix: with autowrap on, one cell too many on the bottom row scrolled the whole frame up.
  it("draws with autowrap off, and turns it back on when the view ends", () => {
    expect([ENTER_SCREEN.includes("\x1b[?7l"), LEAVE_SCREEN.includes("\x1b[?7h")]).toEqual([true, true]);
  });
});
