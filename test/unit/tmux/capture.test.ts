import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { capturePaneArgv, readCapture, trimCapture } from "../../../src/tmux/capture.js";
import { CAPTURE_ANSI_3_3A, CAPTURE_PLAIN_3_3A } from "./fixtures/tmux33a.js";

describe("capturePaneArgv", () => {
  it("prints the visible pane with wrapped lines joined", () => {
    expect(capturePaneArgv("=a:")).toEqual([
      "tmux",
      "-u",
      "display-message",
      "-p",
      "-t",
      "=a:",
      "#{version}",
      ";",
      "capture-pane",
      "-p",
      "-J",
      "-t",
      "=a:",
    ]);
  });

  it("reaches back into the history for the last lines, with escapes when asked", () => {
    expect(capturePaneArgv("=a:=w", { lines: 40, ansi: true })).toEqual([
      "tmux",
      "-u",
      "display-message",
      "-p",
      "-t",
      "=a:=w",
      "#{version}",
      ";",
      "capture-pane",
      "-p",
      "-J",
      "-e",
      "-S",
      "-40",
      "-t",
      "=a:=w",
    ]);
  });

  it("takes the whole history", () => {
    expect(capturePaneArgv("=a:", { all: true, lines: 5 })).toEqual([
      "tmux",
      "-u",
      "display-message",
      "-p",
      "-t",
      "=a:",
      "#{version}",
      ";",
      "capture-pane",
      "-p",
      "-J",
      "-S",
      "-",
      "-t",
      "=a:",
    ]);
  });

  it("refuses a line count that is not a positive whole number", () => {
    expect(() => capturePaneArgv("=a:", { lines: 0 })).toThrow(TypeError);
    expect(() => capturePaneArgv("=a:", { lines: 2.5 })).toThrow(TypeError);
  });
});

describe("trimCapture", () => {
  it("drops the blank rows of a real capture and keeps the last lines", () => {
    expect(trimCapture(CAPTURE_PLAIN_3_3A, 2)).toBe(
      "bold red and underlined\nthis line is long enough that it wraps around the pane width of one hundred columns, yes it does wrap\n",
    );
    expect(trimCapture(CAPTURE_PLAIN_3_3A).split("\n")).toHaveLength(4);
  });

  it("treats rows holding only colour resets as blank", () => {
    const trimmed = trimCapture(CAPTURE_ANSI_3_3A, 1);
    expect(trimmed).toBe(
      "\x1b[0m\x1b[39m\x1b[49mthis line is long enough that it wraps around the pane width of one hundred columns, yes it does wrap\n",
    );
    expect(trimCapture("a\n\x1b[0m\x1b[39m\n  \n")).toBe("a\n");
  });

  it("keeps blank lines between content and trailing spaces within lines", () => {
    expect(trimCapture("a  \n\n\nb\n\n", 3)).toBe("\n\nb\n");
    expect(trimCapture("a  \nb\n")).toBe("a  \nb\n");
  });

  it("returns nothing for an empty pane or no lines", () => {
    expect(trimCapture("\n\n\n", 5)).toBe("");
    expect(trimCapture("a\n", 0)).toBe("");
  });
});

// Real output of capturePaneArgv("=compat:out", { lines: 5 }) on each release (test/support/captureTmuxFixtures.ts).
describe.each(["3.1c", "3.3a", "3.5a", "3.8"])("readCapture on tmux %s", (release) => {
  const output = readFileSync(new URL(`fixtures/tmux-${release}/capture-pane.txt`, import.meta.url), "utf8");

  it("reads the same lines: 3.1c's padding to the pane width is dropped", () => {
    expect(output.startsWith(`${release}\n`)).toBe(true);
    if (release === "3.1c") expect(output).toMatch(/\ntab {5}here +\n/);
    expect(readCapture(output)).toBe(`${release === "3.8" ? "tab\there" : "tab     here"}\nlast line ✓\n`);
    expect(readCapture(output, 1)).toBe("last line ✓\n");
  });
});

describe("readCapture", () => {
  it("keeps the spaces a program printed on 3.2 and later", () => {
    expect(readCapture("3.3a\na  \nb\n\n")).toBe("a  \nb\n");
    expect(readCapture("3.1c\na  \nb\n\n")).toBe("a\nb\n");
    expect(readCapture("master\na  \n")).toBe("a  \n");
  });
});
