import { newSessionArgv, type NewSessionSpec } from "../../tmux/session.js";
import { usageError } from "../../errors.js";
import { validateName } from "../names.js";
import type { SessionSpec, WindowSpec } from "./sessionSpec.js";
import { sessionLogPath } from "./statePaths.js";

// Spaces, quotes, redirections, globs, variables, "~": what only a shell can make sense of.
const SHELL_SYNTAX = /[\s;&|<>()$`\\"'*?[\]#~{}!]/;

// One word with shell syntax is a command line run by sh, as ssh would run it ("npm test && claude"); several
// words are an argv run as given, so no argument is ever re-split or expanded.
export function commandArgv(words: readonly string[]): string[] | undefined {
  const [only] = words;
  if (only === undefined) return undefined;
  if (words.length === 1 && SHELL_SYNTAX.test(only)) return ["sh", "-c", only];
  return [...words];
}

// Reads one --window value: NAME alone (a shell) or NAME=CMD (CMD is a command line).
export function parseWindowOption(value: string): WindowSpec {
  const equals = value.indexOf("=");
  const name = validateName("window", equals === -1 ? value : value.slice(0, equals));
  if (equals === -1) return { name };
  const command = value.slice(equals + 1);
  if (command.trim() === "")
    throw usageError(
      `--window ${JSON.stringify(value)}: the command after "=" is empty`,
      `write --window ${name} for a shell, or --window ${name}=CMD`,
    );
  return { name, command: commandArgv([command]) ?? [] };
}

// What the user asked `moor new` for, names already validated.
export interface NewSessionRequest {
  session: string;
  cwd?: string;
  /** The agent's argv (see commandArgv); the default shell when absent. */
  command?: string[];
  /** --agent NAME|none, checked against the agent rules by the caller. */
  agent?: string;
  windows: WindowSpec[];
  log: boolean;
}

// What `moor new` records in spec.json, so `moor revive` can make the same session again.
export function buildSessionSpec(request: NewSessionRequest, now: Date): SessionSpec {
  if (request.cwd === "")
    throw usageError(
      "--cwd needs a directory",
      "for example --cwd ~/src/app (relative paths start at the login's home)",
    );
  return {
    version: 1,
    session: request.session,
    ...(request.cwd === undefined ? {} : { cwd: request.cwd }),
    ...(request.command === undefined ? {} : { command: request.command }),
    ...(request.agent === undefined ? {} : { agent: request.agent }),
    windows: request.windows,
    log: request.log,
    createdAt: now.toISOString(),
  };
}

// The tmux side of a recorded spec: the first window logged into the session's state folder unless --no-log.
export function tmuxSpecFor(spec: SessionSpec): NewSessionSpec {
  return {
    session: spec.session,
    ...(spec.cwd === undefined ? {} : { cwd: spec.cwd }),
    ...(spec.command === undefined ? {} : { command: spec.command }),
    ...(spec.agent === undefined ? {} : { agent: spec.agent }),
    windows: spec.windows,
    ...(spec.log ? { logPath: sessionLogPath(spec.session) } : {}),
  };
}

// The single tmux invocation that makes the session; built before connecting, so bad windows are refused (exit 2) first.
// COMMAND, when given, runs instead of the recorded one (the agent with its launch or resume options).
export function sessionTmuxArgv(spec: SessionSpec, command?: readonly string[]): string[] {
  const tmuxSpec = tmuxSpecFor(spec);
  return newSessionArgv(command === undefined ? tmuxSpec : { ...tmuxSpec, command: [...command] });
}
