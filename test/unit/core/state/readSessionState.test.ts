import { describe, expect, it } from "vitest";
import { ExitCode, MoorError } from "../../../../src/errors.js";
import { readSessionState } from "../../../../src/core/state/readSessionState.js";
import { paneLine, type FakePane } from "../overview/fakeTmux.js";

const NOW = 1_700_000_000;

// A remote tmux for status: the session's panes, and display-message/capture-pane of "=s:" (the current window's
// active pane, `current`), a window "=s:=w", or a pane id. Every call is recorded: one call is one round trip.
function fakeRemote(panes: FakePane[], current: string, screens: Record<string, string>) {
  const calls: string[][] = [];
  const paneFor = (target: string): FakePane => {
    const windowName = /^=s:=(.+)$/.exec(target)?.[1];
    const found =
      target === "=s:"
        ? panes.find((pane) => pane.paneId === current)
        : windowName !== undefined
          ? panes.find((pane) => pane.window === windowName)
          : panes.find((pane) => pane.paneId === target);
    if (!found) throw new MoorError(`can't find window: ${target}`, ExitCode.notFound);
    return found;
  };
  const run = async (argv: readonly string[]): Promise<string> => {
    calls.push([...argv]);
    await Promise.resolve();
    let out = argv.includes("list-panes") ? panes.map((pane) => `${paneLine(pane)}\n`).join("") : "";
    argv.forEach((arg, index) => {
      if (arg !== "display-message") return;
      const pane = paneFor(argv[index + 3] ?? "");
      out += `${(argv[index + 4] ?? "").replace("#{pane_id}", pane.paneId)}\n${screens[pane.paneId] ?? ""}\n`;
    });
    return out;
  };
  return { run, calls };
}

const agent: FakePane = { session: "s", paneId: "%1", activity: NOW - 100, window: "agent", command: "claude" };
const shell: FakePane = {
  session: "s",
  paneId: "%2",
  activity: NOW - 100,
  window: "tests",
  windowIndex: 1,
  command: "bash",
  start: "bash",
};

describe("readSessionState (moor status)", () => {
  it("reads the state in ONE round trip when the pane that decides is the current one", async () => {
    const remote = fakeRemote([agent, shell], "%1", { "%1": "╭──╮\n│ > │\n╰──╯" });
    const report = await readSessionState(remote.run, { host: "b", session: "s" }, { nowMs: () => NOW * 1000 });
    expect(remote.calls).toHaveLength(1);
    expect(remote.calls[0]).toEqual(expect.arrayContaining(["list-panes", "display-message", "capture-pane", "=s:"]));
    expect(report.pane.id).toBe("%1");
    expect(report.screen).toEqual(["╭──╮", "│ > │", "╰──╯"]);
  });

  it("captures the agent's pane in a second call when another window is current", async () => {
    const remote = fakeRemote([agent, shell], "%2", { "%1": "agent screen", "%2": "$ " });
    const report = await readSessionState(remote.run, { host: "b", session: "s" }, { nowMs: () => NOW * 1000 });
    expect(remote.calls).toHaveLength(2);
    expect(remote.calls[1]).toEqual(expect.arrayContaining(["capture-pane", "%1"]));
    expect(report.screen).toEqual(["agent screen"]);
  });

  it("reads a window's active pane in one call, and names a missing window as before", async () => {
    const remote = fakeRemote([agent, shell], "%1", { "%2": "$ make" });
    const report = await readSessionState(remote.run, { host: "b", session: "s", window: "tests" });
    expect(remote.calls).toHaveLength(1);
    expect(report.screen).toEqual(["$ make"]);
    await expect(readSessionState(remote.run, { host: "b", session: "s", window: "nope" })).rejects.toMatchObject({
      exitCode: ExitCode.notFound,
      message: "b:s:nope: no such window",
    });
  });
});
