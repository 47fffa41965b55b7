import type { Clock } from "../../../../src/clock.js";
import { sleepingClock } from "../../fakes/fakeClock.js";
import { describe, expect, it } from "vitest";
import { READY_TIMING, waitUntilReady } from "../../../../src/core/sessions/promptDelivery.js";
import type { PaneSnapshot } from "../../../../src/tmux/paneSnapshot.js";

// Time that passes only when the code under test sleeps.
const fakeTime = sleepingClock;

// The pane as it looks at each moment: screens[i] from time i * pollMs on (the last one stays).
function pane(screens: readonly (string | { dead: number | undefined })[], time: Clock): () => Promise<PaneSnapshot> {
  return () => {
    const shown = screens[Math.min(screens.length - 1, Math.floor(time.now() / READY_TIMING.pollMs))] ?? "";
    if (typeof shown !== "string")
      return Promise.resolve({ dead: true, deadStatus: shown.dead, cursor: "0,0", screen: "" });
    return Promise.resolve({ dead: false, deadStatus: undefined, cursor: "0,0", screen: shown });
  };
}

describe("waitUntilReady", () => {
  // Seen on tmux 3.1c in CI: the pane is dead one poll before tmux has reaped the child and knows its status.
  it("waits a moment for the exit status of a pane that is dead before tmux has it", async () => {
    const time = fakeTime();
    expect(await waitUntilReady(pane(["starting", { dead: undefined }, { dead: 4 }], time), time)).toEqual({
      state: "exited",
      status: 4,
      waitedMs: 500,
    });
  });

  it("gives up on the exit status after deadStatusMs", async () => {
    const time = fakeTime();
    expect(await waitUntilReady(pane(["starting", { dead: undefined }], time), time)).toEqual({
      state: "exited",
      status: undefined,
      waitedMs: 250 + READY_TIMING.deadStatusMs,
    });
  });

  it("is ready once the screen has shown something and stayed the same for quietMs", async () => {
    const time = fakeTime();
    const result = await waitUntilReady(pane(["", "", "loading", "loading.", "> "], time), time);
    expect(result).toEqual({ state: "quiet", waitedMs: 4 * 250 + READY_TIMING.quietMs });
  });

  it("waits longer for a blank screen, in case the agent is still starting", async () => {
    const time = fakeTime();
    expect(await waitUntilReady(pane([""], time), time)).toEqual({ state: "quiet", waitedMs: READY_TIMING.blankMs });
  });

  it("counts a moving cursor as activity", async () => {
    const time = fakeTime();
    let calls = 0;
    const look = () =>
      Promise.resolve({ dead: false, deadStatus: undefined, cursor: `${String(calls++ % 2)},0`, screen: "same" });
    expect(await waitUntilReady(look, time)).toEqual({ state: "timeout", waitedMs: READY_TIMING.timeoutMs });
  });

  it("gives up waiting at the timeout when the output never settles (a spinner)", async () => {
    const time = fakeTime();
    const spinner = Array.from({ length: 200 }, (_, i) => "|/-\\"[i % 4] ?? "");
    expect(await waitUntilReady(pane(spinner, time), time)).toEqual({
      state: "timeout",
      waitedMs: READY_TIMING.timeoutMs,
    });
  });

  it("reports an agent that exited before it was ready, with its status", async () => {
    const time = fakeTime();
    expect(await waitUntilReady(pane(["starting", { dead: 3 }], time), time)).toEqual({
      state: "exited",
      status: 3,
      waitedMs: 250,
    });
  });
});
