import { describe, expect, it } from "vitest";
import { capturePanesArgv, parsePaneCaptures } from "../../../src/tmux/paneLines.js";

describe("capturePanesArgv / parsePaneCaptures", () => {
  it("captures several panes in one invocation, each after a marker line", () => {
    expect(capturePanesArgv(["%0", "%12"])).toEqual([
      "tmux", "-u", "display-message", "-p", "-t", "%0", "\x1emoor-pane #{pane_id}", ";", "capture-pane", "-p", "-J", "-t", "%0", ";",
      "display-message", "-p", "-t", "%12", "\x1emoor-pane #{pane_id}", ";", "capture-pane", "-p", "-J", "-t", "%12",
    ]);
    expect(() => capturePanesArgv([])).toThrow(TypeError);
    expect(() => capturePanesArgv(["=s:"])).toThrow(/invalid pane id/);
  });

  it("splits the output by pane, keeping the last lines without blank rows below or trailing spaces", () => {
    const output = "\x1emoor-pane %0\nfirst   \nsecond\n\n\n\x1emoor-pane %12\n\n\n\x1emoor-pane %3\na\nb\nc\nd\n\n";
    expect(parsePaneCaptures(output, 3)).toEqual(new Map([["%0", ["first", "second"]], ["%12", []], ["%3", ["b", "c", "d"]]]));
  });
});
