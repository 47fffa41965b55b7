import { describe, it, expect } from "vitest";
import { escapeFormat, escapeTrailingSemicolon, tmuxArgv } from "../../../src/tmux/command.js";

describe("tmuxArgv", () => {
  it("prefixes tmux and chains commands with a standalone ;", () => {
    expect(tmuxArgv(["has-session", "-t", "=a"], ["kill-session", "-t", "=a"])).toEqual([
      "tmux",
      "-u",
      "has-session",
      "-t",
      "=a",
      ";",
      "kill-session",
      "-t",
      "=a",
    ]);
  });

  it("escapes arguments that tmux would read as a separator", () => {
    expect(tmuxArgv(["send-keys", "-l", "--", "ls;"])).toEqual(["tmux", "-u", "send-keys", "-l", "--", "ls\\;"]);
  });

  it("refuses an empty invocation or command", () => {
    expect(() => tmuxArgv()).toThrow(TypeError);
    expect(() => tmuxArgv(["kill-server"], [])).toThrow(TypeError);
  });
});

describe("escapeTrailingSemicolon", () => {
  it.each([
    ["plain", "plain"],
    ["a;", "a\\;"],
    [";", "\\;"],
    // tmux turns a final "\;" into ";", so "a\;" must travel as "a\\;" (checked on 3.3a)
    ["a\\;", "a\\\\;"],
    ["a;b", "a;b"],
    ["", ""],
  ])("%j -> %j", (arg, escaped) => {
    expect(escapeTrailingSemicolon(arg)).toBe(escaped);
  });
});

describe("escapeFormat", () => {
  it("doubles every #", () => {
    expect(escapeFormat("/logs/#{pane_id}#1")).toBe("/logs/##{pane_id}##1");
  });
});
