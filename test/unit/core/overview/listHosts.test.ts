import { describe, expect, it } from "vitest";
import { ExitCode, MoorError } from "../../../../src/errors.js";
import { listHostSessions } from "../../../../src/core/overview/listHosts.js";
import { ScreenMemory } from "../../../../src/core/overview/screenMemory.js";
import { LIST_PANES_3_3A } from "../../tmux/fixtures/tmux33a.js";
import { FakeTmux } from "./fakeTmux.js";

const fail = (error: Error) => () => Promise.reject(error);

describe("listHostSessions", () => {
  it("lists a host's sessions with ONE list-panes invocation, then ONE capture of their state panes", async () => {
    const tmux = new FakeTmux();
    tmux.panes = [
      { session: "a", paneId: "%1", activity: 100, command: "claude" },
      { session: "b", paneId: "%2", activity: 100, command: "codex", title: "[ ! ] Action Required" },
      { session: "c", paneId: "%3", activity: 100, command: "bash", start: "" },
      { session: "d", paneId: "%4", activity: 100, command: "claude", dead: true, deadStatus: 0 },
    ];
    tmux.screens.set("%1", "╭──╮\n│ Do you want to proceed? │\n│ ❯ 1. Yes │\n│   2. No │\n");
    const overview = await listHostSessions("box", tmux.run, () => 1_000);
    expect(tmux.kinds()).toEqual(["list", "capture"]);
    expect(tmux.calls[0]?.slice(0, 8)).toEqual(["tmux", "-u", "run-shell", "true", ";", "list-panes", "-a", "-F"]);
    // A dead pane has nothing to read.
    expect(tmux.calls[1]?.filter((arg) => arg.startsWith("%"))).toEqual(["%1", "%1", "%2", "%2", "%3", "%3"]);
    expect(overview).toMatchObject({ host: "box", state: "ok" });
    expect(
      overview.sessions.map((session) => [
        session.name,
        session.state.state,
        session.state.agent,
        session.state.evidence.rule,
      ]),
    ).toEqual([
      ["a", "asking", "claude", "claude.permission"],
      ["b", "asking", "codex", "codex.title-action"],
      ["c", "shell", undefined, "shell"],
      ["d", "exited", "claude", "pane-dead"],
    ]);
  });

  it("reads real 3.3a output", async () => {
    const overview = await listHostSessions(
      "box",
      (argv) => Promise.resolve(argv.includes("list-panes") ? LIST_PANES_3_3A : ""),
      () => 1795552330,
    );
    expect(overview.sessions.map((session) => [session.name, session.state.state])).toEqual([
      ["agent-1", "working"],
      ["notes", "shell"],
    ]);
  });

  it("turns a failure into the host's row: unreachable (3), or error with its exit code", async () => {
    expect(
      await listHostSessions(
        "b",
        fail(new MoorError("b unreachable: connection refused", ExitCode.unreachable)),
        () => 0,
      ),
    ).toEqual({
      host: "b",
      state: "unreachable",
      sessions: [],
      error: "b unreachable: connection refused",
      exitCode: 3,
    });
    expect(
      await listHostSessions("b", fail(new MoorError("authentication failed for moor@b", ExitCode.auth)), () => 0),
    ).toMatchObject({ state: "error", exitCode: 4 });
    expect(await listHostSessions("b", fail(new Error("Channel open failure")), () => 0)).toMatchObject({
      state: "error",
      exitCode: 6,
      error: "Channel open failure",
    });
  });

  it("with the holder's screen memory, captures only the state panes that printed or changed title since", async () => {
    const tmux = new FakeTmux();
    tmux.panes = [
      { session: "a", paneId: "%1", activity: 100, command: "claude" },
      { session: "b", paneId: "%2", activity: 100, command: "codex", title: "one" },
    ];
    tmux.screens.set("%1", "╭──╮\n│ Do you want to proceed? │\n│ ❯ 1. Yes │\n│   2. No │\n");
    const screens = new ScreenMemory();
    const first = await listHostSessions("box", tmux.run, () => 1_000, { screens });
    const second = await listHostSessions("box", tmux.run, () => 1_002, { screens });
    expect(tmux.kinds()).toEqual(["list", "capture", "list"]);
    expect(second.sessions.map((session) => session.state.state)).toEqual(
      first.sessions.map((session) => session.state.state),
    );
    expect(second.sessions[0]?.state).toMatchObject({ state: "asking", agent: "claude" });
    // %1 printed, %2 changed its title: both are read again, and only they
    tmux.panes = [
      { ...tmux.panes[0], activity: 1_001 } as (typeof tmux.panes)[0],
      { ...tmux.panes[1], title: "two" } as (typeof tmux.panes)[1],
    ];
    await listHostSessions("box", tmux.run, () => 1_010, { screens });
    expect(tmux.calls.at(-1)?.filter((arg) => arg.startsWith("%"))).toEqual(["%1", "%1", "%2", "%2"]);
  });

  it("reads a screen again when it was read within a second of the pane's last output (it may have missed some)", async () => {
    const tmux = new FakeTmux();
    tmux.panes = [{ session: "a", paneId: "%1", activity: 1_000, command: "claude" }];
    const screens = new ScreenMemory();
    await listHostSessions("box", tmux.run, () => 1_000, { screens });
    await listHostSessions("box", tmux.run, () => 1_005, { screens });
    await listHostSessions("box", tmux.run, () => 1_006, { screens });
    // The second listing reads it again chained to the list: one round trip.
    expect(tmux.kinds()).toEqual(["list", "capture", "list+capture", "list"]);
  });

  it("lists a host whose agent keeps printing in ONE round trip per warm ls; a pane gone since costs the list again", async () => {
    const tmux = new FakeTmux();
    tmux.panes = [{ session: "a", paneId: "%1", activity: 1_000, command: "claude" }];
    const screens = new ScreenMemory();
    for (const now of [1_000, 1_001, 1_002, 1_003]) {
      tmux.panes = [{ session: "a", paneId: "%1", activity: now, command: "claude" }];
      await listHostSessions("box", tmux.run, () => now, { screens });
    }
    expect(tmux.kinds()).toEqual(["list", "capture", "list+capture", "list+capture", "list+capture"]);
    tmux.panes = [{ session: "b", paneId: "%2", activity: 1_004, command: "claude" }];
    const after = await listHostSessions("box", tmux.run, () => 1_004, { screens });
    expect(after.sessions.map((session) => session.name)).toEqual(["b"]);
    expect(tmux.kinds().slice(-3)).toEqual(["list+capture", "list", "capture"]);
  });
});
