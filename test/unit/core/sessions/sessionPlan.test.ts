import { describe, expect, it } from "vitest";
import { ExitCode } from "../../../../src/errors.js";
import { loginShellArgv } from "../../../../src/tmux/session.js";
import {
  buildSessionSpec,
  commandArgv,
  parseWindowOption,
  sessionTmuxArgv,
  tmuxSpecFor,
} from "../../../../src/core/sessions/sessionPlan.js";

const NOW = new Date("2025-01-02T03:04:05.000Z");

describe("commandArgv", () => {
  it("keeps several words as an argv and runs one word with shell syntax through sh", () => {
    expect(commandArgv([])).toBeUndefined();
    expect(commandArgv(["claude"])).toEqual(["claude"]);
    expect(commandArgv(["claude", "--model", "a b"])).toEqual(["claude", "--model", "a b"]);
    expect(commandArgv(["npm test && claude"])).toEqual(["sh", "-c", "npm test && claude"]);
    expect(commandArgv(["~/bin/agent"])).toEqual(["sh", "-c", "~/bin/agent"]);
  });
});

describe("parseWindowOption", () => {
  it("reads NAME and NAME=CMD, the command split at the first '='", () => {
    expect(parseWindowOption("shell")).toEqual({ name: "shell" });
    expect(parseWindowOption("srv=npm run dev -- --port=3000")).toEqual({
      name: "srv",
      command: ["sh", "-c", "npm run dev -- --port=3000"],
    });
    expect(parseWindowOption("top=htop")).toEqual({ name: "top", command: ["htop"] });
  });

  it("refuses bad names and empty commands with exit 2", () => {
    for (const value of ["a.b", "", "=x", "-w", "x=", "x=  "]) {
      expect(() => parseWindowOption(value), value).toThrow(
        expect.objectContaining({ exitCode: ExitCode.usage }) as Error,
      );
    }
  });
});

describe("session spec", () => {
  const spec = buildSessionSpec(
    {
      session: "agent",
      cwd: "~/src",
      command: ["claude"],
      windows: [{ name: "srv", command: ["sh", "-c", "make dev"] }],
      log: true,
    },
    NOW,
  );

  it("records what revive needs", () => {
    expect(spec).toEqual({
      version: 1,
      session: "agent",
      cwd: "~/src",
      command: ["claude"],
      windows: [{ name: "srv", command: ["sh", "-c", "make dev"] }],
      log: true,
      createdAt: "2025-01-02T03:04:05.000Z",
    });
    expect(tmuxSpecFor({ ...spec, log: false })).not.toHaveProperty("logPath");
    expect(() => buildSessionSpec({ session: "a", cwd: "", windows: [], log: true }, NOW)).toThrow(/--cwd/);
  });

  it("builds one tmux invocation: agent kept on exit, logged into the state folder, then the windows", () => {
    expect(sessionTmuxArgv(spec)).toEqual([
      "tmux",
      "-u",
      "new-session",
      "-d",
      "-s",
      "agent",
      "-c",
      "src",
      ";",
      "set-option",
      "-w",
      "-t",
      "=agent:",
      "remain-on-exit",
      "on",
      ";",
      "pipe-pane",
      "-o",
      "-t",
      "=agent:",
      `umask 077; mkdir -p "$HOME"/.local/state/moor/agent && exec cat >> "$HOME"/.local/state/moor/agent/output.log`,
      ";",
      "respawn-pane",
      "-k",
      "-t",
      "=agent:",
      "-c",
      "src",
      "--",
      ...loginShellArgv(["claude"]),
      ";",
      "new-window",
      "-d",
      "-t",
      "=agent:",
      "-n",
      "srv",
      "-c",
      "src",
      ";",
      "set-option",
      "-w",
      "-t",
      "=agent:=srv",
      "remain-on-exit",
      "on",
      ";",
      "respawn-pane",
      "-k",
      "-t",
      "=agent:=srv",
      "-c",
      "src",
      "--",
      ...loginShellArgv(["sh", "-c", "make dev"]),
    ]);
  });

  it("refuses windows tmux could not target before any connection", () => {
    const twice = buildSessionSpec({ session: "a", windows: [{ name: "w" }, { name: "w" }], log: true }, NOW);
    expect(() => sessionTmuxArgv(twice)).toThrow(/given twice/);
    const digits = buildSessionSpec({ session: "a", windows: [{ name: "12" }], log: true }, NOW);
    expect(() => sessionTmuxArgv(digits)).toThrow(/only digits/);
  });
});
