import { describe, expect, it } from "vitest";
import { sessionJson } from "../../../../src/core/overview/sessionJson.js";
import { summarizeSessions } from "../../../../src/core/overview/sessionSummary.js";
import { LIST_PANES_3_3A } from "../../tmux/fixtures/tmux33a.js";
import { paneLine } from "./fakeTmux.js";

describe("summarizeSessions", () => {
  it("reads real tmux 3.3a output: without an agent, the state pane is the first pane of the first window", () => {
    const sessions = summarizeSessions(LIST_PANES_3_3A, "box", { now: 1795552330 });
    expect(sessions.map((s) => [s.name, s.state.state, s.command, s.paneId, s.clients, s.windows.length])).toEqual([
      ["agent-1", "working", "sleep", "%0", 0, 3],
      ["notes", "shell", "bash", "%4", 1, 3],
    ]);
    expect(
      sessions.flatMap((s) =>
        s.windows.map((w) => [`${s.name}:${w.name}`, w.panes.map((p) => [p.command, p.state.state])]),
      ),
    ).toEqual([
      ["agent-1:agent", [["sleep", "working"]]],
      ["agent-1:tests", [["sh", "exited"]]],
      [
        "agent-1:shell",
        [
          ["bash", "shell"],
          ["sleep", "working"],
        ],
      ],
      ["notes:bash", [["bash", "shell"]]],
      ["notes:odd?name?with newline", [["bash", "shell"]]],
      ["notes:sig", [["sh", "exited"]]],
    ]);
    expect(sessions[1]?.activity).toBe(1795552324);
  });

  it("is idle once the state pane's window printed nothing for the quiet time", () => {
    const [agent] = summarizeSessions(LIST_PANES_3_3A, "box", { now: 1795552323 + 600, idleAfterSeconds: 300 });
    expect(agent?.state).toMatchObject({ state: "idle", since: 1795552323_000, reason: "no output for 300s or more" });
  });

  it("takes the state of the first pane running a known agent, whichever window it is in", () => {
    const output = [
      paneLine({ session: "s", paneId: "%1", activity: 100, command: "bash", start: "" }),
      paneLine({ session: "s", paneId: "%2", activity: 100, windowIndex: 1, command: "codex", start: "" }),
    ].join("\n");
    const [session] = summarizeSessions(output, "box", { now: 200 });
    expect(session).toMatchObject({ paneId: "%2", command: "codex", state: { state: "idle", agent: "codex" } });
  });

  it("gives the stable JSON form: the state flattened with agent, since, reason and stale; ISO times", () => {
    const [agent, notes] = summarizeSessions(LIST_PANES_3_3A, "box", { now: 1795552330 });
    if (!agent || !notes) throw new Error("fixture changed");
    expect(sessionJson(notes)).toMatchObject({
      name: "notes",
      status: "shell",
      agent: null,
      since: "2026-11-24T20:32:04.000Z",
      reason: "bash is at its prompt",
      stale: false,
      attached: true,
      clients: 1,
      created: "2026-11-24T20:32:03.000Z",
    });
    expect(sessionJson(agent, { stale: true, lastContact: 1795552300_000 })).toMatchObject({
      status: "working",
      stale: true,
      lastContact: "2026-11-24T20:31:40.000Z",
    });
    const tests = sessionJson(agent).windows[1]?.panes[0];
    expect(tests).toEqual({ id: "%1", index: 0, command: "sh", status: "exited", exitCode: 3 });
    expect(sessionJson(notes).windows[2]?.panes[0]).toEqual({
      id: "%6",
      index: 0,
      command: "sh",
      status: "exited",
      exitSignal: 15,
    });
  });

  it("has no sessions when there is no server (empty output)", () => {
    expect(summarizeSessions("", "box", { now: 0 })).toEqual([]);
  });
});
