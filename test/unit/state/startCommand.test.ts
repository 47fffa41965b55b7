import { describe, it, expect } from "vitest";
import { startedAsShell } from "../../../src/state/startCommand.js";

describe("startedAsShell", () => {
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
