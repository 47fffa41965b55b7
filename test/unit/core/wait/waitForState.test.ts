import { describe, expect, it } from "vitest";
import { ExitCode, MoorError } from "../../../../src/errors.js";
import { watchHosts } from "../../../../src/core/overview/watchHosts.js";
import { waitForState, type WaitResult } from "../../../../src/core/wait/waitForState.js";
import type { SessionState } from "../../../../src/state/index.js";
import { FakeClock } from "../../fakes/fakeClock.js";
import { FakeLink, FakeTmux, flush } from "../overview/fakeTmux.js";

const up = { kind: "up", since: 0 } as const;

function setup(states: SessionState[], timeoutMs?: number, signal?: AbortSignal) {
  const clock = new FakeClock();
  const tmux = new FakeTmux();
  const link = new FakeLink();
  link.set(up);
  let stopped = 0;
  const outcome: { result?: WaitResult; error?: unknown } = {};
  // Started once the test has set up the fake host's panes; the outcome lands in `outcome`, the promise settles with it.
  const start = () =>
    waitForState({
      targets: [{ host: "a", session: "s" }],
      states,
      clock,
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      ...(signal === undefined ? {} : { signal }),
      start: (onChange) => {
        const watch = watchHosts([{ host: "a", link, run: tmux.run, only: ["s"] }], {
          clock,
          intervalMs: 1_000,
          onChange,
        });
        return {
          ...watch,
          stop: () => {
            stopped++;
            watch.stop();
          },
        };
      },
    }).then(
      (result) => void (outcome.result = result),
      (error: unknown) => void (outcome.error = error),
    );
  const tick = async (ms = 1_000) => {
    clock.advance(ms);
    await flush();
    await flush();
  };
  return { clock, tmux, link, outcome, start, tick, stopped: () => stopped };
}

const exitCodeOf = (error: unknown) => (error instanceof MoorError ? error.exitCode : undefined);

describe("waitForState", () => {
  it("resolves when the target reaches a wanted state, and stops the watch", async () => {
    const { tmux, outcome, start, tick, stopped } = setup(["exited"]);
    tmux.panes = [{ session: "s", paneId: "%0", activity: 100, command: "sh", start: `"sh -c 'sleep 3'"` }];
    tmux.screens.set("%0", "running\n");
    const done = start();
    await tick(0);
    await tick();
    expect(outcome).toEqual({});
    tmux.panes = [
      {
        session: "s",
        paneId: "%0",
        activity: 101,
        command: "sh",
        start: `"sh -c 'sleep 3'"`,
        dead: true,
        deadStatus: 4,
      },
    ];
    await tick();
    await done;
    expect(outcome.result).toMatchObject({ target: "a:s", stale: false, state: { state: "exited", exitCode: 4 } });
    expect(stopped()).toBe(1);
  });

  it("ends with the link's exit code when the target's host has failed for good (a refused key)", async () => {
    const { tmux, link, outcome, start, tick, stopped } = setup(["exited"]);
    tmux.panes = [{ session: "s", paneId: "%0", activity: 100, command: "sh", start: `"sh -c 'sleep 3'"` }];
    const done = start();
    await tick(0);
    link.set({ kind: "failed", reason: "authentication failed for moor@a", exitCode: ExitCode.auth });
    await tick();
    await done;
    expect(exitCodeOf(outcome.error)).toBe(ExitCode.auth);
    expect(String(outcome.error)).toContain("authentication failed");
    expect(stopped()).toBe(1);
  });

  it("times out with exit 7 when no wanted state is seen", async () => {
    const { tmux, outcome, start, tick, stopped } = setup(["asking"], 2_000);
    tmux.panes = [{ session: "s", paneId: "%0", activity: 100, command: "bash", start: "" }];
    const done = start();
    await tick(0);
    await tick();
    expect(outcome).toEqual({});
    await tick();
    await done;
    expect(exitCodeOf(outcome.error)).toBe(ExitCode.timedOut);
    expect(String(outcome.error)).toContain("a:s");
    expect(stopped()).toBe(1);
  });

  it("keeps waiting while the link is down (the last picture is stale), and resolves once it is back", async () => {
    const { tmux, link, outcome, start, tick } = setup(["exited"]);
    tmux.panes = [{ session: "s", paneId: "%0", activity: 100, command: "sh", start: `"sh -c 'sleep 3'"` }];
    const done = start();
    await tick(0);
    // The link drops; the session meanwhile exits, and even a poll that answers does not count while down.
    link.set({ kind: "down", since: 0, lastContact: 0, reason: "connection reset" });
    tmux.failWith = new MoorError("a: connection lost", ExitCode.unreachable);
    await tick();
    await tick();
    expect(outcome).toEqual({});
    tmux.failWith = undefined;
    tmux.panes = [
      {
        session: "s",
        paneId: "%0",
        activity: 101,
        command: "sh",
        start: `"sh -c 'sleep 3'"`,
        dead: true,
        deadStatus: 4,
      },
    ];
    link.set({ kind: "retrying", attempt: 1, nextDelayMs: 1_000, nextAt: 0, reason: "connection reset" });
    await tick();
    expect(outcome).toEqual({});
    link.set(up);
    await tick(0);
    await done;
    expect(outcome.result).toMatchObject({ target: "a:s", state: { state: "exited" } });
  });

  it("fails with exit 5 when the host answers without the session", async () => {
    const { tmux, outcome, start, tick } = setup(["exited"]);
    tmux.panes = [{ session: "other", paneId: "%0", activity: 100 }];
    const done = start();
    await tick(0);
    await done;
    expect(exitCodeOf(outcome.error)).toBe(ExitCode.notFound);
    expect(String(outcome.error)).toContain(`no session "s"`);
  });

  it("stops waiting, and stops the watch, when its signal aborts", async () => {
    const controller = new AbortController();
    const { tmux, outcome, start, tick, stopped } = setup(["asking"], undefined, controller.signal);
    tmux.panes = [{ session: "s", paneId: "%0", activity: 100, command: "bash", start: "" }];
    const done = start();
    await tick(0);
    expect(outcome).toEqual({});
    controller.abort(new Error("interrupted"));
    await done;
    expect(String(outcome.error)).toContain("interrupted");
    expect(stopped()).toBe(1);
  });
});
