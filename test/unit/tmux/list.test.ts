import { describe, it, expect } from "vitest";
import { FIELD_SEPARATOR, PANE_LIST_FORMAT, listPanesArgv, parsePaneList } from "../../../src/tmux/list.js";
import { LIST_PANES_3_3A } from "./fixtures/tmux33a.js";

describe("listPanesArgv", () => {
  it("lists every pane, text fields cleared of control characters, fields joined by tabs", () => {
    const text = (name: string) => `#{s/[\x01-\x1f\x7f]/?/:${name}}`;
    expect(FIELD_SEPARATOR).toBe("\t");
    expect(listPanesArgv()).toEqual([
      "tmux",
      "-u",
      "run-shell",
      "true",
      ";",
      "list-panes",
      "-a",
      "-F",
      [
        text("session_name"),
        "#{session_created}",
        "#{session_attached}",
        "#{session_activity}",
        "#{window_index}",
        text("window_id"),
        text("window_name"),
        "#{window_activity}",
        "#{window_active}",
        "#{pane_index}",
        text("pane_id"),
        "#{pane_active}",
        "#{pane_pid}",
        text("pane_current_command"),
        text("pane_start_command"),
        "#{pane_dead}",
        "#{pane_dead_status}",
        "#{pane_dead_signal}",
        text("pane_current_path"),
        text("pane_title"),
        "#{cursor_y}",
        "#{window_bell_flag}",
        text("@moor-agent"),
      ].join("\t"),
    ]);
    expect(PANE_LIST_FORMAT).toBe(listPanesArgv()[8]);
  });
});

describe("parsePaneList", () => {
  const rows = parsePaneList(LIST_PANES_3_3A);

  it("reads every pane of the real 3.3a output", () => {
    expect(rows).toHaveLength(7);
    expect(rows.map((row) => `${row.sessionName}:${String(row.windowIndex)}.${String(row.paneIndex)}`)).toEqual([
      "agent-1:0.0",
      "agent-1:1.0",
      "agent-1:2.0",
      "agent-1:2.1",
      "notes:0.0",
      "notes:1.0",
      "notes:2.0",
    ]);
  });

  it("types a running agent pane", () => {
    expect(rows[0]).toEqual({
      sessionName: "agent-1",
      sessionCreated: 1795552323,
      sessionAttached: 0,
      sessionActivity: 1795552323,
      windowIndex: 0,
      windowId: "@0",
      windowName: "agent",
      windowActivity: 1795552323,
      windowActive: true,
      paneIndex: 0,
      paneId: "%0",
      paneActive: true,
      panePid: 1380,
      currentCommand: "sleep",
      startCommand: `"sh -c 'echo thinking; exec sleep 600'"`,
      dead: false,
      deadStatus: undefined,
      deadSignal: undefined,
      currentPath: "/root",
      title: "vm",
      cursorY: 1,
      windowBell: false,
      // a listing captured before @moor-agent was asked for reads as one where it is unset
      agent: "",
    });
  });

  it("reads the session's @moor-agent (moor new --agent), which a trailing field carries", () => {
    const [first = ""] = LIST_PANES_3_3A.split("\n");
    expect(parsePaneList(`${first}${FIELD_SEPARATOR}claude\n`)[0]?.agent).toBe("claude");
    expect(parsePaneList(`${first}${FIELD_SEPARATOR}\n`)[0]?.agent).toBe("");
  });

  it("reads dead panes: an exit status, or a signal", () => {
    expect(rows[1]).toMatchObject({
      windowName: "tests",
      dead: true,
      deadStatus: 3,
      deadSignal: undefined,
      currentPath: "",
    });
    expect(rows[6]).toMatchObject({ windowName: "sig", dead: true, deadStatus: undefined, deadSignal: 15 });
  });

  it("reads attached sessions, inactive panes and a name that held control characters", () => {
    expect(rows[4]).toMatchObject({ sessionName: "notes", sessionAttached: 1, currentPath: "/tmp", startCommand: "" });
    expect(rows[3]).toMatchObject({ paneActive: false, startCommand: `"sleep 700"` });
    expect(rows[5]).toMatchObject({ windowName: "odd?name?with newline", startCommand: "bash -l" });
  });

  it("leaves out moor's control-mode helper session", () => {
    const helper = LIST_PANES_3_3A.split("\n")[0]?.replace(/^agent-1\t/, "_moor-control-0000abcd\t") ?? "";
    const rows = parsePaneList(`${helper}\n${LIST_PANES_3_3A}`);
    expect(rows.map((row) => row.sessionName)).not.toContain("_moor-control-0000abcd");
    expect(rows).toHaveLength(parsePaneList(LIST_PANES_3_3A).length);
  });

  it("reads no output as no panes", () => {
    expect(parsePaneList("")).toEqual([]);
  });

  it("refuses rows it does not understand, naming the host (exit 6)", () => {
    expect(() => parsePaneList("a\tb\n", "box1")).toThrow(
      expect.objectContaining({
        exitCode: 6,
        message: "could not read tmux's pane list on box1: line 1 has 2 fields, expected 23",
      }),
    );
    const badNumber = LIST_PANES_3_3A.split("\n")[0]?.replace("\t1380\t", "\tpid\t") ?? "";
    expect(() => parsePaneList(badNumber)).toThrow('line 1 has pane_pid "pid", expected a number');
  });
});
