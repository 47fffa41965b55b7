import { describe, it, expect } from "vitest";
import { startProgram, startedAsShell } from "../../../src/tmux/status.js";

describe("startProgram and startedAsShell", () => {
  it.each([
    ["", ""],
    [`"claude --model 'opus 4'"`, "claude"],
    [`"/usr/local/bin/codex"`, "codex"],
    [`"exec env FOO=1 aider --yes"`, "aider"],
    [`"sh -c 'echo \\"hi\\"'"`, "sh"],
    ["bash -l", "bash"],
  ])("%j starts %j", (startCommand, program) => {
    expect(startProgram(startCommand)).toBe(program);
  });

  it.each([
    ["", true],
    ["bash -l", true],
    [`"zsh --login -i"`, true],
    [`"sh -c 'x'"`, false],
    [`"bash -lc claude"`, false],
    [`"bash script.sh"`, false],
    [`"claude"`, false],
  ])("%j is an interactive shell: %j", (startCommand, shell) => {
    expect(startedAsShell(startCommand)).toBe(shell);
  });
});
