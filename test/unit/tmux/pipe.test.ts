import { describe, it, expect } from "vitest";
import { logPipeCommand, pipeToLogCommand } from "../../../src/tmux/pipe.js";

describe("logPipeCommand", () => {
  it("appends to a home-relative log, creating its folder, both private to the login", () => {
    expect(logPipeCommand(".moor/logs/a.log")).toBe(
      `umask 077; mkdir -p "$HOME"/.moor/logs && exec cat >> "$HOME"/.moor/logs/a.log`,
    );
    expect(logPipeCommand("~/a.log")).toBe(`umask 077; exec cat >> "$HOME"/a.log`);
  });

  it("quotes for sh and doubles # for tmux's format expansion", () => {
    expect(logPipeCommand("/tmp/my logs/#1's.log")).toBe(
      `umask 077; mkdir -p '/tmp/my logs' && exec cat >> '/tmp/my logs/##1'\\''s.log'`,
    );
  });

  it("refuses a path that names no file", () => {
    expect(() => logPipeCommand("~/")).toThrow(TypeError);
    expect(() => logPipeCommand("")).toThrow(TypeError);
  });
});

describe("pipeToLogCommand", () => {
  it("opens the log only when no pipe is open", () => {
    expect(pipeToLogCommand("=a:", "a.log")).toEqual([
      "pipe-pane",
      "-o",
      "-t",
      "=a:",
      `umask 077; exec cat >> "$HOME"/a.log`,
    ]);
  });
});
