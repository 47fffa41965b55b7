import { describe, expect, it } from "vitest";
import { launchCommand, resumeCommand } from "../../../../src/core/sessions/resumeCommand.js";
import { agentRules, compileRules, mergeRules, builtInRulesFile } from "../../../../src/state/index.js";

const ID = "4a5b6c7d-0000-4000-8000-000000000001";

describe("launchCommand", () => {
  const rules = agentRules();

  it.each([
    [["claude"], ["claude", "--session-id", ID], { agent: "claude", id: ID }],
    [["gemini", "-m", "flash"], ["gemini", "--session-id", ID, "-m", "flash"], { agent: "gemini", id: ID }],
    [["codex"], ["codex"], { agent: "codex" }],
    [["/opt/bin/opencode"], ["/opt/bin/opencode"], { agent: "opencode" }],
  ])("starts %j as %j and records %j", (recorded, expected, conversation) => {
    expect(launchCommand(recorded, rules, undefined, () => ID)).toEqual({ command: expected, conversation });
  });

  it("leaves a wrapper (--agent claude -- ./start.sh), an unknown program and --agent none as they are", () => {
    expect(launchCommand(["./start.sh"], rules, "claude", () => ID)).toEqual({
      command: ["./start.sh"],
      conversation: undefined,
    });
    expect(launchCommand(["vim"], rules, undefined, () => ID).conversation).toBeUndefined();
    expect(launchCommand(["claude"], rules, "none", () => ID).conversation).toBeUndefined();
  });
});

describe("resumeCommand", () => {
  const rules = agentRules();

  it.each([
    [["claude"], ["claude", "--resume", ID], "claude"],
    [["/usr/local/bin/claude", "--model", "x"], ["/usr/local/bin/claude", "--resume", ID, "--model", "x"], "claude"],
    [["codex"], ["codex", "resume", ID], "codex"],
    [["opencode"], ["opencode", "--session", ID], "opencode"],
    [["gemini", "-m", "flash"], ["gemini", "--resume", ID, "-m", "flash"], "gemini"],
  ])("resumes %j's own conversation as %j", (recorded, expected, agent) => {
    expect(resumeCommand(recorded, rules, { fresh: false, id: ID })).toEqual({
      command: expected,
      resumed: agent,
      conversation: "own",
      id: ID,
    });
  });

  it.each([
    [["claude"], ["claude", "--continue"]],
    [["codex"], ["codex", "resume", "--last"]],
    [["opencode"], ["opencode", "--continue"]],
    [["gemini"], ["gemini", "--resume", "latest"]],
  ])("falls back to %j's latest conversation, marked so, when the id is not known", (recorded, expected) => {
    expect(resumeCommand(recorded, rules, { fresh: false })).toMatchObject({
      command: expected,
      conversation: "latest",
      id: null,
    });
  });

  it("reads a user's older rules (resume as a list) as the latest option alone", () => {
    const user = { version: 1 as const, agents: [{ name: "claude", resume: ["--continue", "--verbose"] }] };
    const merged = compileRules(mergeRules(builtInRulesFile(), user));
    expect(resumeCommand(["claude"], merged, { fresh: false, id: ID })).toMatchObject({
      command: ["claude", "--continue", "--verbose"],
      conversation: "latest",
    });
  });

  it("runs the recorded command as it was with --fresh, and any program moor does not know", () => {
    const asRecorded = { resumed: null, conversation: null, id: null };
    expect(resumeCommand(["claude"], rules, { fresh: true, id: ID })).toEqual({ command: ["claude"], ...asRecorded });
    expect(resumeCommand(["sh", "-c", "npm test && claude"], rules, { fresh: false })).toEqual({
      command: ["sh", "-c", "npm test && claude"],
      ...asRecorded,
    });
    expect(resumeCommand(undefined, rules, { fresh: false })).toEqual({ command: undefined, ...asRecorded });
  });
});
