import { describe, it, expect } from "vitest";
import { groupSessions } from "../../../src/tmux/group.js";
import { parsePaneList } from "../../../src/tmux/list.js";
import type { PaneRow } from "../../../src/tmux/list.js";
import { LIST_PANES_3_3A } from "./fixtures/tmux33a.js";

describe("groupSessions", () => {
  const sessions = groupSessions(parsePaneList(LIST_PANES_3_3A));

  it("folds the real 3.3a rows into sessions, windows and panes", () => {
    expect(sessions.map((session) => session.name)).toEqual(["agent-1", "notes"]);
    expect(sessions[0]?.windows.map((window) => [window.index, window.name, window.panes.length])).toEqual([
      [0, "agent", 1],
      [1, "tests", 1],
      [2, "shell", 2],
    ]);
    expect(sessions[1]).toMatchObject({ name: "notes", created: 1795552323, attached: 1, activity: 1795552323 });
  });

  it("keeps what each pane runs and how it ended", () => {
    expect(sessions[0]?.windows[1]?.panes[0]).toEqual({
      id: "%1",
      index: 0,
      active: true,
      pid: 1384,
      command: "sh",
      startCommand: `"sh -c 'echo 2 failed; exit 3'"`,
      dead: true,
      deadStatus: 3,
      deadSignal: undefined,
      path: "",
      title: "vm",
      cursorY: 1,
      agent: "",
    });
    expect(sessions[0]?.windows[2]).toMatchObject({ id: "@2", activity: 1795552323, active: false });
  });

  it("sorts windows and panes by index whatever the row order", () => {
    const rows = parsePaneList(LIST_PANES_3_3A).slice(0, 4).reverse();
    const [session] = groupSessions(rows);
    expect(session?.windows.map((window) => window.index)).toEqual([0, 1, 2]);
    expect(session?.windows[2]?.panes.map((pane) => pane.id)).toEqual(["%2", "%3"]);
  });

  it("lists a window linked into two sessions under each", () => {
    const [row] = parsePaneList(LIST_PANES_3_3A);
    const linked: PaneRow[] = row === undefined ? [] : [row, { ...row, sessionName: "other" }];
    expect(groupSessions(linked).map((session) => session.windows.length)).toEqual([1, 1]);
  });

  it("gives no sessions for no rows", () => {
    expect(groupSessions([])).toEqual([]);
  });
});
