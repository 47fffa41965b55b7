import { describe, it, expect } from "vitest";
import { isDuplicateSession, isNoServer, isNoSession, isTmuxMissing, tmuxFailure } from "../../../src/tmux/stderr.js";

// Each message below was printed by tmux 3.3a (or by sh for a missing tmux).
const NO_SOCKET = "error connecting to /tmp/tmux-1000/default (No such file or directory)\n";
const NO_LISTENER = "no server running on /tmp/tmux-1000/default\n";
const where = { host: "box1", target: "box1:agent", action: "capturing the pane" };

describe("tmux stderr", () => {
  it("recognises a host without a tmux server", () => {
    expect(isNoServer(NO_SOCKET)).toBe(true);
    expect(isNoServer(NO_LISTENER)).toBe(true);
    expect(isNoServer("error connecting to /tmp/tmux-1000/default (Connection refused)")).toBe(true);
    expect(isNoServer("error connecting to /tmp/tmux-1000/default (Permission denied)")).toBe(false);
    expect(isNoServer("can't find session: agent")).toBe(false);
    expect(isNoServer("server exited unexpectedly")).toBe(true);
  });

  it("recognises a missing session, window or pane", () => {
    expect(isNoSession("can't find session: agent\n")).toBe(true);
    expect(isNoSession("can't find window: tests\n")).toBe(true);
    expect(isNoSession("can't find pane: 7\n")).toBe(true);
    expect(isNoSession("duplicate session: agent\n")).toBe(false);
  });

  it("recognises a taken name and a missing tmux", () => {
    expect(isDuplicateSession("duplicate session: agent\n")).toBe(true);
    expect(isTmuxMissing("sh: 1: tmux: not found\n")).toBe(true);
    expect(isTmuxMissing("bash: tmux: command not found\n")).toBe(true);
    expect(isTmuxMissing("", 127)).toBe(true);
    expect(isTmuxMissing("no buffer moor-1\n", 1)).toBe(false);
  });
});

describe("tmuxFailure", () => {
  it("is not found (exit 5) for a missing session or server", () => {
    expect(tmuxFailure("can't find session: agent\n", 1, where)).toMatchObject({
      exitCode: 5,
      message: "box1:agent: no such session or window on box1 (tmux: can't find session: agent)",
    });
    expect(tmuxFailure(NO_SOCKET, 1, where)).toMatchObject({ exitCode: 5 });
  });

  it("is a remote failure (exit 6) otherwise, keeping tmux's first line", () => {
    expect(tmuxFailure("no buffer moor-1\nmore\n", 1, where)).toMatchObject({
      exitCode: 6,
      message: "tmux failed on box1 while capturing the pane for box1:agent: no buffer moor-1",
    });
    expect(tmuxFailure("", 1, where).message).toContain("exit status 1");
    expect(tmuxFailure("sh: 1: tmux: not found\n", 127, where)).toMatchObject({
      exitCode: 6,
      message: "tmux is not installed on box1 (or not on the PATH of its login shell)",
    });
  });
});
