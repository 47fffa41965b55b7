import { describe, expect, it } from "vitest";
import { ExitCode, MoorError } from "../../../../src/errors.js";
import { listHostSessions } from "../../../../src/core/overview/listHosts.js";
import { LIST_PANES_3_3A } from "../../tmux/fixtures/tmux33a.js";

const fail = (error: Error) => () => Promise.reject(error);

describe("listHostSessions", () => {
  it("lists a host's sessions with ONE list-panes invocation", async () => {
    const calls: string[][] = [];
    const overview = await listHostSessions("box", (argv) => (calls.push([...argv]), Promise.resolve(LIST_PANES_3_3A)), () => 1795552330);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.slice(0, 8)).toEqual(["tmux", "-u", "run-shell", "true", ";", "list-panes", "-a", "-F"]);
    expect(overview).toMatchObject({ host: "box", state: "ok" });
    expect(overview.sessions.map((session) => session.name)).toEqual(["agent-1", "notes"]);
  });

  it("turns a failure into the host's row: unreachable (3), or error with its exit code", async () => {
    expect(await listHostSessions("b", fail(new MoorError("b unreachable: connection refused", ExitCode.unreachable)), () => 0)).toEqual({
      host: "b", state: "unreachable", sessions: [], error: "b unreachable: connection refused", exitCode: 3,
    });
    expect(await listHostSessions("b", fail(new MoorError("authentication failed for moor@b", ExitCode.auth)), () => 0)).toMatchObject({ state: "error", exitCode: 4 });
    expect(await listHostSessions("b", fail(new Error("Channel open failure")), () => 0)).toMatchObject({ state: "error", exitCode: 6, error: "Channel open failure" });
  });
});

