import { describe, expect, it } from "vitest";
import { attachArgv, hasAttachTargetArgv } from "../../../src/tmux/attach.js";

describe("attach argv", () => {
  it("targets the session or window exactly, with -r for read-only and -d to steal", () => {
    expect(attachArgv("s1", undefined)).toEqual(["tmux", "-u", "attach-session", "-t", "=s1"]);
    expect(attachArgv("s1", "logs", { readOnly: true })).toEqual([
      "tmux",
      "-u",
      "attach-session",
      "-t",
      "=s1:=logs",
      "-r",
    ]);
    expect(attachArgv("s1", undefined, { readOnly: true, steal: true })).toEqual([
      "tmux",
      "-u",
      "attach-session",
      "-t",
      "=s1",
      "-r",
      "-d",
    ]);
  });

  it("checks the session, or the window too when one is given", () => {
    expect(hasAttachTargetArgv("s1")).toEqual(["tmux", "-u", "has-session", "-t", "=s1"]);
    expect(hasAttachTargetArgv("s1", "w2")).toEqual(["tmux", "-u", "has-session", "-t", "=s1:=w2"]);
  });
});
