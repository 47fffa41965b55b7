import { describe, it, expect } from "vitest";
import { groupSessions } from "../../../src/tmux/group.js";
import type { Pane } from "../../../src/tmux/group.js";
import { parsePaneList } from "../../../src/tmux/list.js";
import { paneStatus, startProgram, startedAsShell } from "../../../src/tmux/status.js";
import { LIST_PANES_3_3A } from "./fixtures/tmux33a.js";

const pane = (fields: Partial<Pane>): Pane => ({
  id: "%0", index: 0, active: true, pid: 1, command: "claude", startCommand: `"claude --resume"`,
  dead: false, deadStatus: undefined, deadSignal: undefined, path: "/", title: "", ...fields,
});
const at = { activity: 1000, now: 1030 };

describe("paneStatus", () => {
  it("reads the real 3.3a panes", () => {
    const panes = groupSessions(parsePaneList(LIST_PANES_3_3A)).flatMap((session) =>
      session.windows.flatMap((window) => window.panes.map((p) => [`${session.name}:${window.name}.${String(p.index)}`, paneStatus(p, at)])));
    expect(Object.fromEntries(panes)).toEqual({
      "agent-1:agent.0": { state: "running" },
      "agent-1:tests.0": { state: "exited", code: 3, signal: undefined },
      "agent-1:shell.0": { state: "shell" },
      "agent-1:shell.1": { state: "running" },
      "notes:bash.0": { state: "shell" },
      "notes:odd?name?with newline.0": { state: "shell" },
      "notes:sig.0": { state: "exited", code: undefined, signal: 15 },
    });
  });

  it("is idle after the threshold without output, and running up to it", () => {
    expect(paneStatus(pane({}), { activity: 1000, now: 1060 })).toEqual({ state: "running" });
    expect(paneStatus(pane({}), { activity: 1000, now: 1061 })).toEqual({ state: "idle", idleSeconds: 61 });
    expect(paneStatus(pane({}), { activity: 1000, now: 1010, idleAfterSeconds: 5 })).toEqual({ state: "idle", idleSeconds: 10 });
    expect(paneStatus(pane({}), { activity: 2000, now: 1000, idleAfterSeconds: 0 })).toEqual({ state: "running" });
  });

  it("is 'shell' when an agent run from a shell has ended, whatever the shell", () => {
    expect(paneStatus(pane({ command: "zsh", startCommand: "" }), at)).toEqual({ state: "shell" });
    expect(paneStatus(pane({ command: "-bash", startCommand: "bash -l" }), at)).toEqual({ state: "shell" });
    expect(paneStatus(pane({ command: "fish", startCommand: "" }), at)).toEqual({ state: "shell" });
    expect(paneStatus(pane({ command: "xonsh", startCommand: "" }), { ...at, shells: ["xonsh"] })).toEqual({ state: "shell" });
  });

  it("is running when a shell is only the wrapper of the pane's command", () => {
    expect(paneStatus(pane({ command: "fish", startCommand: `"claude --resume"` }), at)).toEqual({ state: "running" });
    expect(paneStatus(pane({ command: "sh", startCommand: `"sh -c 'npm test && claude'"` }), at)).toEqual({ state: "running" });
    expect(paneStatus(pane({ command: "bash", startCommand: `"bash -lc claude"` }), at)).toEqual({ state: "running" });
  });

  it("is exited, with the code, once the pane is dead, whatever ran last", () => {
    expect(paneStatus(pane({ dead: true, deadStatus: 0, command: "bash" }), at)).toEqual({ state: "exited", code: 0, signal: undefined });
  });
});

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
