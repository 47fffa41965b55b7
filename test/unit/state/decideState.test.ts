import { describe, expect, it } from "vitest";
import { agentRules, decidePaneState, type PaneObservation } from "../../../src/state/index.js";

const NOW = 1_000_000;
const pane = (fields: Partial<PaneObservation>): PaneObservation => ({
  command: "sleep",
  startCommand: '"sleep 100"',
  title: "box",
  dead: false,
  deadStatus: undefined,
  deadSignal: undefined,
  activity: NOW,
  ...fields,
});
const decide = (fields: Partial<PaneObservation>, idleAfterSeconds?: number) =>
  decidePaneState(pane(fields), agentRules(), {
    now: NOW,
    ...(idleAfterSeconds === undefined ? {} : { idleAfterSeconds }),
  });

describe("decidePaneState", () => {
  it("a dead pane has exited, with its status or signal", () => {
    expect(decide({ dead: true, deadStatus: 3 })).toMatchObject({
      state: "exited",
      exitCode: 3,
      reason: "exited with status 3",
      evidence: { rule: "pane-dead" },
    });
    expect(decide({ dead: true, deadSignal: 15 })).toMatchObject({
      state: "exited",
      exitSignal: 15,
      reason: "killed by signal 15",
    });
    expect(decide({ dead: true, command: "claude", deadStatus: 0 })).toMatchObject({
      state: "exited",
      agent: "claude",
      exitCode: 0,
    });
  });

  it("a shell started as a shell, in the foreground, is at its prompt", () => {
    expect(decide({ command: "bash", startCommand: "" })).toMatchObject({
      state: "shell",
      agent: undefined,
      evidence: { rule: "shell" },
    });
    expect(decide({ command: "-zsh", startCommand: '"zsh -l"' }).state).toBe("shell");
    // A shell wrapping a command is that command running.
    expect(decide({ command: "sh", startCommand: "\"sh -c 'make; sleep 9'\"" }).state).toBe("working");
    expect(decide({ command: "fish", startCommand: "" }).state).toBe("shell");
    expect(decide({ command: "xonsh", startCommand: "" }).state).toBe("working");
    expect(
      decidePaneState(pane({ command: "xonsh", startCommand: "" }), agentRules(), { now: NOW, shells: ["xonsh"] })
        .state,
    ).toBe("shell");
    // The wrapper of an agent is the agent: its screen decides.
    expect(decide({ command: "sh", startCommand: "\"sh -c 'npm test && claude'\"", screen: ["> "] })).toMatchObject({
      state: "waiting",
      agent: "claude",
    });
  });

  it("a program moor does not know is working while it prints, idle after the quiet time", () => {
    expect(decide({ activity: NOW - 29 })).toMatchObject({
      state: "working",
      agent: undefined,
      reason: "its output is changing",
      evidence: { region: "window_activity (last output 29s ago)" },
    });
    expect(decide({ activity: NOW - 30 })).toMatchObject({
      state: "idle",
      reason: "no output for 30s or more",
      evidence: { rule: "quiet" },
    });
    expect(decide({ activity: NOW - 5 }, 5).state).toBe("idle");
  });

  it("recognises the agent through moor's login-shell wrapper, by title, by screen, or as told", () => {
    const wrapped = '"/bin/sh" "-c" "exec \\"${SHELL:-/bin/sh}\\" -lc \\"$1\\"" "sh" "exec gemini --model x"';
    expect(decide({ command: "node", startCommand: wrapped }).agent).toBe("gemini");
    expect(decide({ command: "node", startCommand: "", title: "◇  Ready (Gemini - project)" }).agent).toBe("gemini");
    expect(
      decide({ command: "node", startCommand: "", screen: ["│ >   Type your message or @path/to/file │"] }),
    ).toMatchObject({ agent: "gemini", state: "waiting" });
    expect(
      decide({ command: "node", startCommand: "", screen: ["Type your message or @path"], agentHint: "none" }).agent,
    ).toBeUndefined();
    expect(decide({ command: "python3", agentHint: "aider", screen: ["Add x.py? (Y)es/(N)o [Yes]:"] })).toMatchObject({
      agent: "aider",
      state: "asking",
    });
  });

  it("asking beats working beats waiting, whatever the order of the rules", () => {
    const screen = ["✻ Working… (esc to interrupt)", "Do you want to proceed?", "❯ 1. Yes", "  2. No", "> "];
    expect(decide({ command: "claude", screen })).toMatchObject({
      state: "asking",
      evidence: { rule: "claude.permission", matched: "Do you want to proceed?" },
    });
    expect(decide({ command: "claude", screen: ["✻ Working… (esc to interrupt)", "> "] }).state).toBe("working");
    expect(decide({ command: "claude", screen: ["> "] }).state).toBe("waiting");
  });

  it("title rules work without a screen; an agent with no marker falls back on activity", () => {
    expect(decide({ command: "codex", title: "[ ! ] Action Required" })).toMatchObject({
      state: "asking",
      evidence: { rule: "codex.title-action", region: "title" },
    });
    expect(decide({ command: "codex", activity: NOW - 100 })).toMatchObject({
      state: "idle",
      agent: "codex",
      reason: "screen not read; no output for 30s or more",
    });
    expect(decide({ command: "codex", activity: NOW - 1, screen: ["loading…"] })).toMatchObject({
      state: "working",
      reason: "no Codex marker on screen; its output is changing",
    });
  });

  it("evidence names the rule, the region and the lines it read", () => {
    const screen = ["old", "● Hello", "", "> ", "  ? for shortcuts"];
    expect(decide({ command: "claude", screen }).evidence).toEqual({
      rule: "claude.prompt",
      region: "last 12 lines",
      lines: ["old", "● Hello", "> ", "  ? for shortcuts"],
      matched: "> ",
    });
  });
});
