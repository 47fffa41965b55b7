import { describe, expect, it } from "vitest";
import type { HostChanges } from "../../../../src/core/overview/hostChanges.js";
import { watchHosts } from "../../../../src/core/overview/watchHosts.js";
import { FakeClock } from "../../fakes/fakeClock.js";
import { FakeLink, FakeTmux, flush } from "./fakeTmux.js";

// A host that tells of its changes (a control client): the test calls wake.
const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await flush();
};

function pushedHost(tmux: FakeTmux, link: FakeLink) {
  let wake = (): void => undefined;
  let stopped = false;
  const changes: HostChanges = {
    source: "control",
    link,
    run: tmux.run,
    start: (given) => {
      wake = given;
      given();
    },
    stop: () => (stopped = true),
  };
  return { changes, wake: () => wake(), stopped: () => stopped };
}

function setup(panes: (now: number) => FakeTmux["panes"]) {
  const clock = new FakeClock();
  const tmux = new FakeTmux();
  tmux.panes = panes(Math.floor(clock.now() / 1000));
  tmux.screens.set("%0", "printing\n");
  const link = new FakeLink();
  link.set({ kind: "up", since: clock.now() });
  const host = pushedHost(tmux, link);
  const watch = watchHosts([{ host: "a", link, run: tmux.run, changes: host.changes }], {
    clock,
    intervalMs: 1_000,
    onChange: () => undefined,
  });
  return { clock, tmux, host, watch };
}

describe("watchHosts with a host that pushes its changes", () => {
  it("reads it when told, and not on a timer while nothing changes", async () => {
    const { clock, tmux, host, watch } = setup(() => [{ session: "s1", paneId: "%0", activity: 100 }]);
    await settle();
    expect(tmux.kinds()).toEqual(["list", "capture"]);
    clock.advance(10_000);
    await settle();
    expect(tmux.kinds()).toEqual(["list", "capture"]);
    host.wake();
    await settle();
    expect(tmux.kinds()).toEqual(["list", "capture", "list"]);
    watch.stop();
    expect(host.stopped()).toBe(true);
  });

  it("reads again right after a read that a change arrived during", async () => {
    const { tmux, host, watch } = setup(() => [{ session: "s1", paneId: "%0", activity: 100 }]);
    await settle();
    let open = (): void => undefined;
    tmux.gate = new Promise((resolve) => (open = resolve));
    host.wake();
    await settle();
    host.wake();
    tmux.gate = undefined;
    open();
    await settle();
    await settle();
    expect(tmux.kinds()).toEqual(["list", "capture", "list", "list"]);
    watch.stop();
  });

  it("reads once more a second later while a screen may have missed output, then waits to be told", async () => {
    const { clock, tmux, watch } = setup((now) => [{ session: "s1", paneId: "%0", activity: now }]);
    await settle();
    expect(tmux.kinds()).toEqual(["list", "capture"]);
    clock.advance(1_000);
    await settle();
    clock.advance(1_000);
    await settle();
    // Read within the second of its output: unsettled, so read again (chained) until a read comes after it.
    expect(tmux.kinds()).toEqual(["list", "capture", "list+capture", "list+capture"]);
    clock.advance(5_000);
    await settle();
    expect(tmux.kinds()).toEqual(["list", "capture", "list+capture", "list+capture"]);
    watch.stop();
  });
});
