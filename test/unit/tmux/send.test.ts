import { describe, it, expect } from "vitest";
import { pasteArgv, sendKeysArgv } from "../../../src/tmux/send.js";

describe("sendKeysArgv", () => {
  it("sends checked key names, escaping a lone ;", () => {
    expect(sendKeysArgv("=a:", ["C-c", "Escape", ";", "Enter"])).toEqual([
      "tmux",
      "-u",
      "send-keys",
      "-t",
      "=a:",
      "C-c",
      "Escape",
      "\\;",
      "Enter",
    ]);
  });

  it("refuses unknown key names before anything runs", () => {
    expect(() => sendKeysArgv("=a:", ["Enter", "Ctrl-C"])).toThrow(expect.objectContaining({ exitCode: 2 }));
    expect(() => sendKeysArgv("=a:", [])).toThrow(TypeError);
  });
});

describe("pasteArgv", () => {
  it("loads the buffer from stdin and pastes it bracketed, unchanged, then deletes it", () => {
    expect(pasteArgv("=a:", "moor-1")).toEqual([
      "tmux",
      "-u",
      "load-buffer",
      "-b",
      "moor-1",
      "-",
      ";",
      "paste-buffer",
      "-p",
      "-r",
      "-d",
      "-b",
      "moor-1",
      "-t",
      "=a:",
    ]);
  });

  it("presses Enter afterwards when asked", () => {
    expect(pasteArgv("=a:=w", "moor-1", { enter: true }).slice(-5)).toEqual([";", "send-keys", "-t", "=a:=w", "Enter"]);
  });

  it("refuses a buffer name tmux could misread", () => {
    expect(() => pasteArgv("=a:", "bad name;")).toThrow(TypeError);
  });
});
