import { describe, expect, it } from "vitest";
import { sendInputArgv } from "../../../src/tmux/sendInput.js";

describe("sendInputArgv", () => {
  it("checks the target, pastes the buffer, presses Enter, in one invocation", () => {
    expect(sendInputArgv("=s1:", { bufferName: "moor-abc", enter: true })).toEqual([
      "tmux",
      "-u",
      "send-keys",
      "-t",
      "=s1:",
      ";",
      "load-buffer",
      "-b",
      "moor-abc",
      "-",
      ";",
      "paste-buffer",
      "-p",
      "-r",
      "-d",
      "-b",
      "moor-abc",
      "-t",
      "=s1:",
      ";",
      "send-keys",
      "-t",
      "=s1:",
      "Enter",
    ]);
  });

  it("sends the keys last, after the text", () => {
    expect(sendInputArgv("=s1:=w", { bufferName: "moor-abc", keys: ["Escape", "C-c"] })).toEqual([
      "tmux",
      "-u",
      "send-keys",
      "-t",
      "=s1:=w",
      ";",
      "load-buffer",
      "-b",
      "moor-abc",
      "-",
      ";",
      "paste-buffer",
      "-p",
      "-r",
      "-d",
      "-b",
      "moor-abc",
      "-t",
      "=s1:=w",
      ";",
      "send-keys",
      "-t",
      "=s1:=w",
      "Escape",
      "C-c",
    ]);
  });

  it("presses Enter alone when there is no text, and sends keys alone", () => {
    expect(sendInputArgv("=s1:", { enter: true })).toEqual([
      "tmux",
      "-u",
      "send-keys",
      "-t",
      "=s1:",
      ";",
      "send-keys",
      "-t",
      "=s1:",
      "Enter",
    ]);
    expect(sendInputArgv("=s1:", { keys: ["C-c"] })).toEqual([
      "tmux",
      "-u",
      "send-keys",
      "-t",
      "=s1:",
      ";",
      "send-keys",
      "-t",
      "=s1:",
      "C-c",
    ]);
  });

  it("refuses a key name tmux would type as text", () => {
    expect(() => sendInputArgv("=s1:", { keys: ["NotAKey"] })).toThrow(/unknown key/);
  });
});
