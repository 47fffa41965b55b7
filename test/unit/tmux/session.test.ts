import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, it, expect } from "vitest";
import {
  hasSessionArgv,
  killSessionArgv,
  listThenKillServerArgv,
  loginShellArgv,
  newSessionArgv,
} from "../../../src/tmux/session.js";

// What respawn-pane gets for an agent whose quoted argv is INNER (see loginShellArgv).
const login = (inner: string): string[] => [
  "/bin/sh",
  "-c",
  `exec "\${SHELL:-/bin/sh}" -lc "$1"`,
  "sh",
  `exec ${inner}`,
];

describe("newSessionArgv", () => {
  it("creates a bare session with the default shell", () => {
    expect(newSessionArgv({ session: "agent" })).toEqual(["tmux", "-u", "new-session", "-d", "-s", "agent"]);
  });

  it("starts the shell, keeps the pane on exit, opens the log, then respawns the agent in one invocation", () => {
    expect(
      newSessionArgv({
        session: "agent",
        cwd: "/srv/app",
        firstWindow: "main",
        command: ["claude", "--model", "opus 4"],
        logPath: ".moor/logs/agent.log",
        width: 200,
        height: 50,
      }),
    ).toEqual([
      "tmux",
      "-u",
      "new-session",
      "-d",
      "-s",
      "agent",
      "-c",
      "/srv/app",
      "-n",
      "main",
      "-x",
      "200",
      "-y",
      "50",
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
      `umask 077; mkdir -p "$HOME"/.moor/logs && exec cat >> "$HOME"/.moor/logs/agent.log`,
      ";",
      "respawn-pane",
      "-k",
      "-t",
      "=agent:",
      "-c",
      "/srv/app",
      "--",
      ...login("claude --model 'opus 4'"),
    ]);
  });

  it("sets the environment on the session and adds windows, keeping those that run a command", () => {
    expect(
      newSessionArgv({
        session: "s",
        command: ["codex"],
        env: { API_URL: "https://x/?a=1;", MODE: "-fast" },
        windows: [{ name: "tests", command: ["npm", "test"] }, { name: "shell" }],
      }),
    ).toEqual([
      "tmux",
      "-u",
      "new-session",
      "-d",
      "-s",
      "s",
      ";",
      "set-environment",
      "-t",
      "=s",
      "--",
      "API_URL",
      "https://x/?a=1\\;",
      ";",
      "set-environment",
      "-t",
      "=s",
      "--",
      "MODE",
      "-fast",
      ";",
      "set-option",
      "-w",
      "-t",
      "=s:",
      "remain-on-exit",
      "on",
      ";",
      "respawn-pane",
      "-k",
      "-t",
      "=s:",
      "--",
      ...login("codex"),
      ";",
      "new-window",
      "-d",
      "-t",
      "=s:",
      "-n",
      "tests",
      ";",
      "set-option",
      "-w",
      "-t",
      "=s:=tests",
      "remain-on-exit",
      "on",
      ";",
      "respawn-pane",
      "-k",
      "-t",
      "=s:=tests",
      "--",
      ...login("npm test"),
      ";",
      "new-window",
      "-d",
      "-t",
      "=s:",
      "-n",
      "shell",
    ]);
  });

  it("records --agent as the session's @moor-agent option, right after creating it", () => {
    expect(newSessionArgv({ session: "s", agent: "claude" })).toEqual([
      "tmux",
      "-u",
      "new-session",
      "-d",
      "-s",
      "s",
      ";",
      "set-option",
      "-t",
      "=s:",
      "@moor-agent",
      "claude",
    ]);
  });

  it("restarts the first shell when there is an environment but no command", () => {
    expect(newSessionArgv({ session: "s", env: { A: "1" }, logPath: "/var/log/s.log" })).toEqual([
      "tmux",
      "-u",
      "new-session",
      "-d",
      "-s",
      "s",
      ";",
      "set-environment",
      "-t",
      "=s",
      "--",
      "A",
      "1",
      ";",
      "pipe-pane",
      "-o",
      "-t",
      "=s:",
      "umask 077; mkdir -p /var/log && exec cat >> /var/log/s.log",
      ";",
      "respawn-pane",
      "-k",
      "-t",
      "=s:",
    ]);
  });

  it("passes the agent argv as words tmux execs without a shell, the agent's own argv quoted as one", () => {
    const argv = newSessionArgv({ session: "s", command: ["sh", "-c", `echo "$1"; exit 3`, "x", "a b;'\"$(y)`z`\\"] });
    expect(argv.slice(-6)).toEqual(["--", ...login(`sh -c 'echo "$1"; exit 3' x 'a b;'\\''"$(y)\`z\`'\\\\''`)]);
  });

  it("runs the agent through the user's login shell, every argument arriving intact", { tags: ["slow"] }, () => {
    expect(loginShellArgv(["claude", "--model", "opus 4"])).toEqual([
      "/bin/sh",
      "-c",
      `exec "\${SHELL:-/bin/sh}" -lc "$1"`,
      "sh",
      "exec claude --model 'opus 4'",
    ]);
    const argv = ["printf", "%s|", "a b", "it's", "$(id)", "=x", "~", "a\\'b", "日本"];
    const [file = "", ...args] = loginShellArgv(argv);
    for (const shell of ["/bin/sh", "/bin/bash", "/usr/bin/zsh", "/usr/bin/fish"].filter((path) => existsSync(path))) {
      const out = execFileSync(file, args, { env: { ...process.env, SHELL: shell }, encoding: "utf8" });
      expect(out, shell).toBe("a b|it's|$(id)|=x|~|a\\'b|日本|");
    }
  });

  it("takes a home-relative cwd from the login directory and escapes # for tmux's formats", () => {
    expect(newSessionArgv({ session: "s", cwd: "~/src/#1", windows: [{ name: "w" }] })).toEqual([
      "tmux",
      "-u",
      "new-session",
      "-d",
      "-s",
      "s",
      "-c",
      "src/##1",
      ";",
      "new-window",
      "-d",
      "-t",
      "=s:",
      "-n",
      "w",
      "-c",
      "src/##1",
    ]);
    expect(newSessionArgv({ session: "s", cwd: "~" })).toEqual([
      "tmux",
      "-u",
      "new-session",
      "-d",
      "-s",
      "s",
      "-c",
      ".",
    ]);
  });

  it("refuses all-digit or repeated window names, bad sizes and bad variable names (exit 2)", () => {
    expect(() => newSessionArgv({ session: "s", windows: [{ name: "2" }] })).toThrow(
      expect.objectContaining({ exitCode: 2 }),
    );
    expect(() => newSessionArgv({ session: "s", firstWindow: "a", windows: [{ name: "a" }] })).toThrow("given twice");
    expect(() => newSessionArgv({ session: "s", width: 0 })).toThrow(expect.objectContaining({ exitCode: 2 }));
    expect(() => newSessionArgv({ session: "s", height: 1.5 })).toThrow(expect.objectContaining({ exitCode: 2 }));
    expect(() => newSessionArgv({ session: "s", env: { "A-B": "x" } })).toThrow(
      expect.objectContaining({ exitCode: 2 }),
    );
  });
});

describe("session commands", () => {
  it("target sessions exactly", () => {
    expect(hasSessionArgv("agent")).toEqual(["tmux", "-u", "has-session", "-t", "=agent"]);
    expect(killSessionArgv("agent")).toEqual(["tmux", "-u", "kill-session", "-t", "=agent"]);
    expect(listThenKillServerArgv()).toEqual([
      "tmux",
      "-u",
      "list-sessions",
      "-F",
      "#{session_name}",
      ";",
      "kill-server",
    ]);
  });
});
