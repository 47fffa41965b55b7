import { describe, expect, it } from "vitest";
import { paneSnapshotArgv, parsePaneSnapshot } from "../../../src/tmux/paneSnapshot.js";

describe("pane snapshot", () => {
  it("reaps exited children, then asks for the dead flag, status and cursor, then the screen, in one invocation", () => {
    expect(paneSnapshotArgv("=a:")).toEqual([
      "tmux",
      "-u",
      "run-shell",
      "true",
      ";",
      "display-message",
      "-p",
      "-t",
      "=a:",
      "#{pane_dead}:#{pane_dead_status}:#{cursor_x},#{cursor_y}",
      ";",
      "capture-pane",
      "-p",
      "-t",
      "=a:",
    ]);
  });

  it("parses a live pane and a dead one", () => {
    expect(parsePaneSnapshot("0::2,1\n$ ls\nfile\n")).toEqual({
      dead: false,
      deadStatus: undefined,
      cursor: "2,1",
      screen: "$ ls\nfile\n",
    });
    expect(parsePaneSnapshot("1:3:0,0\n\n")).toEqual({ dead: true, deadStatus: 3, cursor: "0,0", screen: "\n" });
    expect(parsePaneSnapshot("")).toEqual({ dead: false, deadStatus: undefined, cursor: "", screen: "" });
  });
});
