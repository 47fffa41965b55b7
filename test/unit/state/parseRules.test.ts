import { describe, expect, it } from "vitest";
import { agentRules, builtInRulesFile, decidePaneState, mergeRules, parseRulesFile } from "../../../src/state/index.js";
import { ExitCode, MoorError } from "../../../src/errors.js";

const where = "/cfg/agents.json";
const failure = (text: string): MoorError => {
  try {
    parseRulesFile(text, where);
  } catch (error) {
    if (error instanceof MoorError) return error;
  }
  throw new Error("expected a MoorError");
};

describe("agents.json", () => {
  it("moor's own file passes its own checks", () => {
    expect(builtInRulesFile().agents.map((agent) => agent.name)).toEqual([
      "claude",
      "codex",
      "opencode",
      "gemini",
      "aider",
    ]);
  });

  it("a broken file is exit 2, naming the file and the field", () => {
    expect(failure("{").exitCode).toBe(ExitCode.usage);
    expect(failure("{").message).toMatch(/^\/cfg\/agents\.json: is not valid JSON/);
    expect(failure('{"version":2,"agents":[]}').message).toBe("/cfg/agents.json: version must be 1, got 2");
    expect(
      failure(
        '{"version":1,"agents":[{"name":"x","rules":[{"id":"x.a","state":"busy","region":"screen","any":["a"]}]}]}',
      ).message,
    ).toBe('/cfg/agents.json: agents[0].rules[0].state must be "asking", "working" or "waiting", got "busy"');
    expect(
      failure(
        '{"version":1,"agents":[{"name":"x","rules":[{"id":"x.a","state":"asking","region":{"last":5},"any":["("]}]}]}',
      ).message,
    ).toMatch(/agents\[0\]\.rules\[0\]\.any\[0\] is not a regular expression/);
    expect(
      failure(
        '{"version":1,"agents":[{"name":"x","rules":[{"id":"x.a","state":"asking","region":{"top":5},"any":["a"]}]}]}',
      ).message,
    ).toMatch(/region must be "screen"/);
  });

  it("a user's rules merge by agent name and rule id: replace, disable, add, and new agents first", () => {
    const user = parseRulesFile(
      JSON.stringify({
        version: 1,
        agents: [
          {
            name: "claude",
            rules: [
              { id: "claude.busy", state: "working", region: { last: 3 }, any: ["BUSY"] },
              { id: "claude.choice", disabled: true },
              { id: "claude.mine", state: "asking", region: "title", any: ["HELP"] },
            ],
          },
          {
            name: "myagent",
            match: { commands: ["mine"] },
            rules: [{ id: "myagent.ready", state: "waiting", region: { last: 1 }, any: ["^ready>"] }],
          },
        ],
      }),
      where,
    );
    const merged = mergeRules(builtInRulesFile(), user);
    expect(merged.agents.map((agent) => agent.name)).toEqual([
      "myagent",
      "claude",
      "codex",
      "opencode",
      "gemini",
      "aider",
    ]);
    const ids = merged.agents
      .find((agent) => agent.name === "claude")
      ?.rules?.filter((rule) => rule.disabled !== true)
      .map((rule) => rule.id);
    expect(ids).toEqual(["claude.permission", "claude.trust", "claude.busy", "claude.prompt", "claude.mine"]);
    const rules = agentRules({ text: JSON.stringify(user), where });
    const base = {
      startCommand: "",
      title: "",
      dead: false,
      deadStatus: undefined,
      deadSignal: undefined,
      activity: 0,
    };
    expect(decidePaneState({ ...base, command: "mine", screen: ["ready>"] }, rules, { now: 10 })).toMatchObject({
      state: "waiting",
      agent: "myagent",
    });
    expect(
      decidePaneState({ ...base, command: "claude", screen: ["esc to interrupt", "> "] }, rules, { now: 10 }).state,
    ).toBe("waiting");
    expect(decidePaneState({ ...base, command: "claude", screen: ["BUSY", "> "] }, rules, { now: 10 }).state).toBe(
      "working",
    );
  });
});
