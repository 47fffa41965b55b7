import { describe, expect, it } from "vitest";
import { resumeCommand } from "../../../../src/core/sessions/resumeCommand.js";
import { agentRules } from "../../../../src/state/index.js";

describe("resumeCommand", () => {
  const rules = agentRules();

  it.each([
    [["claude"], ["claude", "--continue"], "claude"],
    [["/usr/local/bin/claude", "--model", "x"], ["/usr/local/bin/claude", "--continue", "--model", "x"], "claude"],
    [["codex"], ["codex", "resume", "--last"], "codex"],
    [["opencode"], ["opencode", "--continue"], "opencode"],
    [["gemini", "-m", "flash"], ["gemini", "--resume", "latest", "-m", "flash"], "gemini"],
  ])("restarts %j as %j, the agent's own continue option", (recorded, expected, agent) => {
    expect(resumeCommand(recorded, rules, false)).toEqual({ command: expected, resumed: agent });
  });

  it("runs the recorded command as it was with --fresh, and any program moor does not know", () => {
    expect(resumeCommand(["claude"], rules, true)).toEqual({ command: ["claude"], resumed: null });
    expect(resumeCommand(["sh", "-c", "npm test && claude"], rules, false)).toEqual({
      command: ["sh", "-c", "npm test && claude"],
      resumed: null,
    });
    expect(resumeCommand(undefined, rules, false)).toEqual({ command: undefined, resumed: null });
  });
});
