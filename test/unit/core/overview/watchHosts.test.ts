import { describe, expect, it } from "vitest";
import { ExitCode, MoorError } from "../../../../src/errors.js";
import { watchHosts } from "../../../../src/core/overview/watchHosts.js";
import type { WatchSnapshot } from "../../../../src/core/overview/watchTypes.js";
import { FakeClock } from "../../fakes/fakeClock.js";
import { FakeLink, FakeTmux, flush } from "./fakeTmux.js";

// capturePanesArgv's marker: a fresh nonce each call.
const MARKER = expect.stringMatching(/^\tmoor-pane [0-9a-f]{16} #\{pane_id\}$/) as unknown;

function setup(hosts = ["a", "b"]) {
  const clock = new FakeClock();
  const snapshots: WatchSnapshot[] = [];
  const tmux = new Map(hosts.map((host) => [host, new FakeTmux()]));
  const links = new Map(hosts.map((host) => [host, new FakeLink()]));
  const sources = hosts.map((host) => ({
    host,
    link: links.get(host) as FakeLink,
    run: (tmux.get(host) as FakeTmux).run,
  }));
  const start = () =>
    watchHosts(sources, { clock, intervalMs: 2_000, onChange: (snapshot) => snapshots.push(snapshot) });
  return {
    clock,
    snapshots,
    tmux: (host: string) => tmux.get(host) as FakeTmux,
    link: (host: string) => links.get(host) as FakeLink,
    start,
  };
}

describe("watchHosts", () => {
  it("runs ONE tmux invocation per host per tick in steady state, and captures only panes whose activity changed", async () => {
    const { clock, tmux, start } = setup();
    tmux("a").panes = [
      { session: "s1", paneId: "%0", activity: 100 },
      { session: "s2", paneId: "%1", activity: 100 },
    ];
    tmux("a").screens.set("%0", "one\ntwo\n\n");
    tmux("a").screens.set("%1", "other\n");
    tmux("b").panes = [{ session: "x", paneId: "%3", activity: 50 }];
    const watch = start();
    await flush();
    expect(tmux("a").kinds()).toEqual(["list", "capture"]);
    expect(tmux("a").calls[1]).toEqual([
      "tmux",
      "-u",
      "display-message",
      "-p",
      "-t",
      "%0",
      MARKER,
      ";",
      "capture-pane",
      "-p",
      "-t",
      "%0",
      ";",
      "display-message",
      "-p",
      "-t",
      "%1",
      MARKER,
      ";",
      "capture-pane",
      "-p",
      "-t",
      "%1",
    ]);
    for (let tick = 0; tick < 5; tick++) {
      clock.advance(2_000);
      await flush();
    }
    expect(tmux("a").kinds()).toEqual(["list", "capture", "list", "list", "list", "list", "list"]);
    expect(tmux("b").kinds()).toEqual(["list", "capture", "list", "list", "list", "list", "list"]);
    tmux("a").panes[1] = { session: "s2", paneId: "%1", activity: 101 };
    tmux("a").screens.set("%1", "newer\n");
    clock.advance(2_000);
    await flush();
    expect(tmux("a").calls.at(-1)).toEqual([
      "tmux",
      "-u",
      "display-message",
      "-p",
      "-t",
      "%1",
      MARKER,
      ";",
      "capture-pane",
      "-p",
      "-t",
      "%1",
    ]);
    const sessions = watch.snapshot().hosts[0]?.sessions ?? [];
    expect(sessions.map((session) => [session.name, session.line, session.lines])).toEqual([
      ["s1", "two", ["one", "two"]],
      ["s2", "newer", ["newer"]],
    ]);
    watch.stop();
  });

  it("chains the screens of panes still printing to the list: one invocation per tick while an agent works", async () => {
    const { clock, tmux, start } = setup(["a"]);
    const now = () => Math.floor(clock.now() / 1000);
    tmux("a").panes = [{ session: "s1", paneId: "%0", activity: now() }];
    tmux("a").screens.set("%0", "✻ Thinking… (esc to interrupt)\n> \n");
    const watch = start();
    await flush();
    for (let tick = 0; tick < 4; tick++) {
      // It prints every second: the list at the next tick shows output from that very second.
      tmux("a").panes = [{ session: "s1", paneId: "%0", activity: now() + 2 }];
      clock.advance(2_000);
      await flush();
    }
    expect(tmux("a").kinds()).toEqual([
      "list",
      "capture",
      "list+capture",
      "list+capture",
      "list+capture",
      "list+capture",
    ]);
    expect(watch.snapshot().hosts[0]?.sessions[0]?.state).toMatchObject({ state: "working", agent: "claude" });
    // It stops printing: its last screen comes chained once more (the drop confirmed 600 ms later), then the list alone.
    tmux("a").screens.set("%0", "● Done.\n> \n");
    tmux("a").panes = [{ session: "s1", paneId: "%0", activity: now() }];
    for (const ms of [2_000, 600, 1_400, 2_000]) {
      clock.advance(ms);
      await flush();
    }
    expect(tmux("a").kinds().slice(6)).toEqual(["list+capture", "list", "list", "list"]);
    expect(watch.snapshot().hosts[0]?.sessions[0]?.state).toMatchObject({ state: "waiting", agent: "claude" });
    watch.stop();
  });

  it("confirms a drop in state soon after reading it, not a whole interval later", async () => {
    const { clock, tmux, start } = setup(["a"]);
    tmux("a").panes = [{ session: "s1", paneId: "%0", activity: 100 }];
    tmux("a").screens.set("%0", "esc to interrupt\n> \n");
    const watch = start();
    await flush();
    expect(watch.snapshot().hosts[0]?.sessions[0]?.state.state).toBe("working");
    tmux("a").panes = [{ session: "s1", paneId: "%0", activity: 101 }];
    tmux("a").screens.set("%0", "● Done.\n> \n");
    clock.advance(2_000);
    await flush();
    expect(watch.snapshot().hosts[0]?.sessions[0]?.state.state).toBe("working");
    const calls = tmux("a").calls.length;
    clock.advance(600);
    await flush();
    expect(tmux("a").calls.length).toBe(calls + 1);
    expect(watch.snapshot().hosts[0]?.sessions[0]?.state.state).toBe("waiting");
    watch.stop();
  });

  it("lists again alone when a pane it chained has gone", async () => {
    const { clock, tmux, start } = setup(["a"]);
    const now = () => Math.floor(clock.now() / 1000);
    tmux("a").panes = [
      { session: "s1", paneId: "%0", activity: now() },
      { session: "s2", paneId: "%1", activity: 100 },
    ];
    const watch = start();
    await flush();
    tmux("a").panes = [{ session: "s2", paneId: "%1", activity: 100 }];
    clock.advance(2_000);
    await flush();
    expect(tmux("a").kinds()).toEqual(["list", "capture", "list+capture", "list"]);
    expect(watch.snapshot().hosts[0]?.sessions.map((session) => session.name)).toEqual(["s2"]);
    expect(watch.snapshot().hosts[0]?.error).toBeUndefined();
    watch.stop();
  });

  it("never starts a second poll of a host while one is in flight (a hanging link does not pile up calls)", async () => {
    const { clock, tmux, start } = setup(["a"]);
    let release = (): void => undefined;
    tmux("a").gate = new Promise((resolve) => (release = resolve));
    const watch = start();
    for (let tick = 0; tick < 10; tick++) clock.advance(2_000);
    await flush();
    expect(tmux("a").calls).toHaveLength(1);
    tmux("a").gate = undefined;
    release();
    await flush();
    clock.advance(2_000);
    await flush();
    expect(tmux("a").kinds()).toEqual(["list", "list"]);
    watch.stop();
  });

  it("keeps the last sessions while the link is down, remembers since when, and polls at once when it is up", async () => {
    const { clock, tmux, link, start } = setup(["a"]);
    tmux("a").panes = [{ session: "s1", paneId: "%0", activity: 100 }];
    link("a").set({ kind: "up", since: clock.now() });
    const watch = start();
    await flush();
    const lostAt = clock.now();
    tmux("a").failWith = new MoorError("the link to a dropped while running tmux list-panes", ExitCode.unreachable);
    link("a").set({ kind: "down", since: lostAt, lastContact: lostAt - 5_000, reason: "Keepalive timeout" });
    clock.advance(2_000);
    await flush();
    link("a").set({
      kind: "retrying",
      attempt: 1,
      nextDelayMs: 500,
      nextAt: clock.now() + 500,
      reason: "connection refused",
    });
    const down = watch.snapshot().hosts[0];
    expect(down).toMatchObject({ downSince: lostAt, polled: true, link: { kind: "retrying" } });
    expect(down?.error).toBeUndefined();
    expect(down?.sessions.map((session) => session.name)).toEqual(["s1"]);
    tmux("a").failWith = undefined;
    const callsBefore = tmux("a").calls.length;
    link("a").set({ kind: "up", since: clock.now() });
    await flush();
    expect(tmux("a").calls.length).toBe(callsBefore + 1);
    expect(watch.snapshot().hosts[0]?.downSince).toBeUndefined();
    watch.stop();
  });

  it("stops polling a host that refused the login, and shows why", async () => {
    const { clock, tmux, start } = setup(["a"]);
    tmux("a").failWith = new MoorError("authentication failed for moor@a", ExitCode.auth);
    const watch = start();
    await flush();
    clock.advance(10_000);
    await flush();
    expect(tmux("a").calls).toHaveLength(1);
    expect(watch.snapshot().hosts[0]?.error).toBe("authentication failed for moor@a");
    watch.stop();
  });

  it("reports a snapshot after each poll and link change, none after stop, and retries every link on wake", async () => {
    const { clock, snapshots, link, start } = setup(["a", "b"]);
    const watch = start();
    await flush();
    expect(snapshots).toHaveLength(2);
    link("a").set({ kind: "connecting", attempt: 1 });
    expect(snapshots).toHaveLength(3);
    watch.retryNow();
    expect([link("a").retries, link("b").retries]).toEqual([1, 1]);
    await flush();
    expect(snapshots).toHaveLength(5);
    watch.stop();
    link("a").set({ kind: "up", since: 1 });
    clock.advance(10_000);
    await flush();
    expect(snapshots).toHaveLength(5);
  });

  it("narrows a host to the sessions asked for", async () => {
    const clock = new FakeClock();
    const tmux = new FakeTmux();
    tmux.panes = [
      { session: "s1", paneId: "%0", activity: 1 },
      { session: "s2", paneId: "%1", activity: 1 },
    ];
    const watch = watchHosts([{ host: "a", link: new FakeLink(), run: tmux.run, only: ["s2"] }], {
      clock,
      intervalMs: 1_000,
      onChange: () => undefined,
    });
    await flush();
    expect(watch.snapshot().hosts[0]?.sessions.map((session) => session.name)).toEqual(["s2"]);
    expect(tmux.calls[1]).toContain("%1");
    expect(tmux.calls[1]).not.toContain("%0");
    watch.stop();
  });
});
