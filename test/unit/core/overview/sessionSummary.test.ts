import { describe, expect, it } from "vitest";
import { sessionJson } from "../../../../src/core/overview/sessionJson.js";
import { summarizeSessions } from "../../../../src/core/overview/sessionSummary.js";
import { LIST_PANES_3_3A } from "../../tmux/fixtures/tmux33a.js";

describe("summarizeSessions", () => {
  it("reads real tmux 3.3a output: the headline is the first pane of the first window", () => {
    const sessions = summarizeSessions(LIST_PANES_3_3A, "box", { now: 1795552330 });
    expect(sessions.map((s) => [s.name, s.status, s.command, s.paneId, s.clients, s.windows.length])).toEqual([
      ["agent-1", { state: "running" }, "sleep", "%0", 0, 3],
      ["notes", { state: "shell" }, "bash", "%4", 1, 3],
    ]);
    expect(sessions[0]?.windows.map((w) => [w.name, w.panes.map((p) => [p.command, p.status.state])])).toEqual([
      ["agent", [["sleep", "running"]]],
      ["tests", [["sh", "exited"]]],
      ["shell", [["bash", "shell"], ["sleep", "running"]]],
    ]);
    expect(sessions[1]?.activity).toBe(1795552324);
  });

  it("is idle once the first window printed nothing for longer than the threshold", () => {
    const [agent] = summarizeSessions(LIST_PANES_3_3A, "box", { now: 1795552323 + 600, idleAfterSeconds: 300 });
    expect(agent?.status).toEqual({ state: "idle", idleSeconds: 600 });
  });

  it("gives the stable JSON form: flattened exit status, ISO times, attached as a boolean", () => {
    const [agent, notes] = summarizeSessions(LIST_PANES_3_3A, "box", { now: 1795552330 });
    if (!agent || !notes) throw new Error("fixture changed");
    expect(sessionJson(notes)).toMatchObject({ name: "notes", status: "shell", attached: true, clients: 1, created: "2026-11-24T20:32:03.000Z" });
    const tests = sessionJson(agent).windows[1]?.panes[0];
    expect(tests).toEqual({ id: "%1", index: 0, command: "sh", status: "exited", exitCode: 3 });
    expect(sessionJson(notes).windows[2]?.panes[0]).toEqual({ id: "%6", index: 0, command: "sh", status: "exited", exitSignal: 15 });
  });

  it("has no sessions when there is no server (empty output)", () => {
    expect(summarizeSessions("", "box", { now: 0 })).toEqual([]);
  });
});
