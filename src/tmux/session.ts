import { usageError } from "../errors.js";
import { quoteArgv } from "../ssh/shellQuote.js";
import { escapeFormat, tmuxArgv } from "./command.js";
import type { TmuxCommand } from "./command.js";
import { isHelperSession } from "./control/helperSession.js";
import { pipeToLogCommand } from "./pipe.js";
import { paneTarget, sessionTarget, windowTarget } from "./target.js";

interface WindowSpec {
  name: string;
  /** argv run in the window; the default shell when absent. */
  command?: readonly string[];
}

export interface NewSessionSpec {
  session: string;
  /** Absolute, or relative to home ("~/x" accepted): tmux resolves it against the ssh login directory. */
  cwd?: string;
  firstWindow?: string;
  /** The agent's argv, run in the first window; the default shell when absent. */
  command?: readonly string[];
  /** Recorded as the session's @moor-agent option, which the pane list reads (moor new --agent NAME|none). */
  agent?: string;
  windows?: readonly WindowSpec[];
  /** Remote file the first window's output is appended to: absolute or relative to home. */
  logPath?: string;
  /** Set on the session, so the agent and every window (and any window opened later) inherit it. */
  env?: Readonly<Record<string, string>>;
  width?: number;
  height?: number;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

// tmux has no "~": a relative -c is taken from the client's directory, which over ssh is home (verified on 3.3a).
function cwdArgs(cwd: string | undefined): string[] {
  if (cwd === undefined) return [];
  const path = cwd === "~" ? "." : cwd.replace(/^~\//, "");
  return ["-c", escapeFormat(path === "" ? "." : path)];
}

function sizeArgs(flag: string, value: number | undefined): string[] {
  if (value === undefined) return [];
  if (!Number.isInteger(value) || value < 1) {
    throw usageError(`invalid terminal size ${String(value)}: expected a whole number of cells`);
  }
  return [flag, String(value)];
}

function checkWindowNames(spec: NewSessionSpec): void {
  const names = [spec.firstWindow, ...(spec.windows ?? []).map((window) => window.name)];
  for (const [index, name] of names.entries()) {
    if (name === undefined) continue;
    // "=s:=3" means window INDEX 3 when one exists, so an all-digit name could not be targeted reliably.
    if (/^\d+$/.test(name)) {
      throw usageError(
        `invalid window name "${name}": a window name cannot be only digits`,
        `tmux reads "${name}" as a window index; try "w${name}"`,
      );
    }
    if (names.indexOf(name) !== index)
      throw usageError(`window name "${name}" is given twice`, "each window of a session needs its own name");
  }
}

// remain-on-exit keeps the pane, and its exit status, once its command ends.
function keepOnExit(target: string): TmuxCommand {
  return ["set-option", "-w", "-t", target, "remain-on-exit", "on"];
}

// The agent runs as if typed into a fresh tmux window: through the user's login shell, so the PATH that
// ~/.profile sets up (~/.local/bin, version managers) applies; exec keeps the agent as the pane's process.
// Several words, which tmux (>= 3.0) execs without a shell: one string would go to default-shell -c, which
// may be fish, where ${SHELL:-/bin/sh} is a syntax error. The agent's argv is quoted for any login shell.
export function loginShellArgv(command: readonly string[]): string[] {
  return ["/bin/sh", "-c", `exec "\${SHELL:-/bin/sh}" -lc "$1"`, "sh", `exec ${quoteArgv(command)}`];
}

// Replaces the pane's process by the command (by the default shell when absent).
function respawn(target: string, cwd: string | undefined, command: readonly string[] | undefined): TmuxCommand {
  const argv = command === undefined ? [] : ["--", ...loginShellArgv(command)];
  return ["respawn-pane", "-k", "-t", target, ...cwdArgs(cwd), ...argv];
}

function checkEnv(env: readonly (readonly [string, string])[]): void {
  const bad = env.find(([name]) => !ENV_NAME.test(name));
  if (bad !== undefined) {
    throw usageError(
      `invalid environment variable name ${JSON.stringify(bad[0])}: expected letters, digits and '_', not starting with a digit`,
    );
  }
}

// One tmux invocation that creates the whole detached session. Each commanded pane starts with the default shell,
// is set to remain on exit, and only then has its shell replaced by the command: a command that exits at once
// leaves a dead pane showing its status instead of ending the session before remain-on-exit could be set.
export function newSessionArgv(spec: NewSessionSpec): string[] {
  checkWindowNames(spec);
  const { session, cwd, command } = spec;
  const env = Object.entries(spec.env ?? {});
  checkEnv(env);
  const first = paneTarget(session);
  const commands: TmuxCommand[] = [
    [
      "new-session",
      "-d",
      "-s",
      session,
      ...cwdArgs(cwd),
      ...(spec.firstWindow === undefined ? [] : ["-n", spec.firstWindow]),
      ...sizeArgs("-x", spec.width),
      ...sizeArgs("-y", spec.height),
    ],
    ...env.map(([name, value]): TmuxCommand => ["set-environment", "-t", sessionTarget(session), "--", name, value]),
    ...(spec.agent === undefined
      ? []
      : [["set-option", "-t", `${sessionTarget(session)}:`, "@moor-agent", spec.agent] as TmuxCommand]),
  ];
  if (command !== undefined) commands.push(keepOnExit(first));
  // Opened before the respawn, so the log has the command's first byte; the pipe survives respawn-pane.
  if (spec.logPath !== undefined) commands.push(pipeToLogCommand(first, spec.logPath));
  // Without a command, the first shell is restarted only to give it the environment set after it started.
  if (command !== undefined || env.length > 0) commands.push(respawn(first, cwd, command));
  for (const window of spec.windows ?? []) {
    commands.push(["new-window", "-d", "-t", `${sessionTarget(session)}:`, "-n", window.name, ...cwdArgs(cwd)]);
    const target = windowTarget(session, window.name);
    if (window.command !== undefined) commands.push(keepOnExit(target), respawn(target, cwd, window.command));
  }
  return tmuxArgv(...commands);
}

export function hasSessionArgv(session: string): string[] {
  return tmuxArgv(["has-session", "-t", sessionTarget(session)]);
}

export function killSessionArgv(session: string): string[] {
  return tmuxArgv(["kill-session", "-t", sessionTarget(session)]);
}

// listThenKillServerArgv's output (one session name a line; control characters escaped by tmux, 3.3a: "\037") as
// names, without moor's control-mode helper session.
export function parseSessionNames(output: string): string[] {
  return output.split("\n").filter((name) => name !== "" && !isHelperSession(name));
}

// "moor kill HOST --all" in one call: the session names (one a line), then the whole tmux server
// stopped. No server: it fails as list-sessions does, and there was nothing to end.
export function listThenKillServerArgv(): string[] {
  return tmuxArgv(["list-sessions", "-F", "#{session_name}"], ["kill-server"]);
}
