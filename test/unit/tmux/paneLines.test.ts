import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { listPanesArgv, sessionPanesArgv } from "../../../src/tmux/list.js";
import {
  capturePanesArgv,
  listWithScreensArgv,
  parsePaneCaptures,
  sessionPanesWithScreenArgv,
  splitListing,
} from "../../../src/tmux/paneLines.js";

describe("capturePanesArgv / parsePaneCaptures", () => {
  it("chains the screens after the pane list, and cuts the output back in two", () => {
    expect(listWithScreensArgv(["%4"], "0123abcd")).toEqual([
      ...listPanesArgv(),
      ";",
      "display-message",
      "-p",
      "-t",
      "%4",
      "\tmoor-pane 0123abcd #{pane_id}",
      ";",
      "capture-pane",
      "-p",
      "-t",
      "%4",
    ]);
    expect(listWithScreensArgv([])).toEqual(listPanesArgv());
    // A list row that looks like a marker (a title "moor-pane …" after a tab) does not cut the list.
    const output = "row1\tmoor-pane 0123abcd x\nrow2\n\tmoor-pane 0123abcd %4\n> \n";
    expect(splitListing(output, "0123abcd")).toEqual({
      list: "row1\tmoor-pane 0123abcd x\nrow2\n",
      captures: "\tmoor-pane 0123abcd %4\n> \n",
    });
    expect(parsePaneCaptures(splitListing(output, "0123abcd").captures)).toEqual(new Map([["%4", [">"]]]));
    expect(splitListing("row1\n", "0123abcd")).toEqual({ list: "row1\n", captures: "" });
  });

  it("chains one session's panes with the screen of a pane target, for status in one call", () => {
    expect(sessionPanesWithScreenArgv("s", "=s:", "0123abcd")).toEqual([
      ...sessionPanesArgv("s"),
      ";",
      "display-message",
      "-p",
      "-t",
      "=s:",
      "\tmoor-pane 0123abcd #{pane_id}",
      ";",
      "capture-pane",
      "-p",
      "-t",
      "=s:",
    ]);
    expect(() => sessionPanesWithScreenArgv("s", "=s:", "x")).toThrow(TypeError);
  });

  it("keeps every row of the screen without a line count, so row N is cursor_y N", () => {
    expect(parsePaneCaptures("\tmoor-pane 0a1b %0\n\n\nthird\n\n")).toEqual(new Map([["%0", ["", "", "third"]]]));
  });

  it("captures several panes in one invocation, each after a marker line", () => {
    expect(capturePanesArgv(["%0", "%12"], "0123abcd")).toEqual([
      "tmux",
      "-u",
      "display-message",
      "-p",
      "-t",
      "%0",
      "\tmoor-pane 0123abcd #{pane_id}",
      ";",
      "capture-pane",
      "-p",
      "-t",
      "%0",
      ";",
      "display-message",
      "-p",
      "-t",
      "%12",
      "\tmoor-pane 0123abcd #{pane_id}",
      ";",
      "capture-pane",
      "-p",
      "-t",
      "%12",
    ]);
    expect(capturePanesArgv(["%0"])[6]).toMatch(/^\tmoor-pane [0-9a-f]{16} #\{pane_id\}$/);
    expect(capturePanesArgv(["%0"])[6]).not.toBe(capturePanesArgv(["%0"])[6]);
    expect(() => capturePanesArgv([])).toThrow(TypeError);
    expect(() => capturePanesArgv(["=s:"])).toThrow(/invalid pane id/);
  });

  it("splits the output by pane, keeping the last lines without blank rows below or trailing spaces", () => {
    const output =
      "\tmoor-pane 0a1b %0\nfirst   \nsecond\n\n\n\tmoor-pane 0a1b %12\n\n\n\tmoor-pane 0a1b %3\na\nb\nc\nd\n\n";
    expect(parsePaneCaptures(output, 3)).toEqual(
      new Map([
        ["%0", ["first", "second"]],
        ["%12", []],
        ["%3", ["b", "c", "d"]],
      ]),
    );
  });

  it("takes a screen line that looks like a marker, without this invocation's nonce, as a line", () => {
    const output = "\tmoor-pane 0a1b %0\n\tmoor-pane %9\n\tmoor-pane ffff %9\nlast\n";
    expect(parsePaneCaptures(output, 5)).toEqual(new Map([["%0", ["\tmoor-pane %9", "\tmoor-pane ffff %9", "last"]]]));
  });
});

// Real output of each release (test/support/captureTmuxFixtures.ts): window 5 printed "tab\there" and "last line ✓".
describe.each(["3.1c", "3.3a", "3.5a", "3.8"])("the chained capture on tmux %s", (release) => {
  const output = readFileSync(new URL(`fixtures/tmux-${release}/capture-panes.txt`, import.meta.url), "utf8");
  const screens = parsePaneCaptures(output, 5);

  it("finds every pane's marker and its lines", () => {
    const panes = release === "3.8" ? 6 : 7;
    expect([...screens.keys()]).toEqual(Array.from({ length: panes }, (_, index) => `%${String(index)}`));
    // 3.8 keeps the tab in the cell; earlier releases keep only the cursor move it made.
    expect(screens.get(`%${String(panes - 2)}`)).toEqual([
      release === "3.8" ? "tab\there" : "tab     here",
      "last line ✓",
    ]);
  });
});
