import { Command } from "commander";
import { newSession, planNewSession, type PlannedSession } from "../../core/sessions/newSession.js";
import { parseTarget } from "../../core/target.js";
import { commandArgv, parseWindowOption } from "../../core/sessions/sessionPlan.js";
import { usageError } from "../../errors.js";
import type { WindowSpec } from "../../core/sessions/sessionSpec.js";
import { renderCreated } from "../render/createdSession.js";
import { examples } from "../render/examples.js";
import type { RuntimeHolder } from "../runtime.js";

type AgentRules = Parameters<typeof planNewSession>[1];

interface NewOptions {
  cwd?: string;
  agent?: string;
  window?: WindowSpec[];
  log: boolean;
  prompt?: string;
  json?: boolean;
}

function planFromOptions(session: string, words: string[], options: NewOptions, rules: AgentRules): PlannedSession {
  const agent = commandArgv(words);
  return planNewSession(
    {
      session,
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      ...(agent === undefined ? {} : { command: agent }),
      ...(options.agent === undefined ? {} : { agent: options.agent }),
      windows: options.window ?? [],
      log: options.log,
    },
    rules,
  );
}

function checkAgentName(name: string, known: readonly string[]): void {
  if (name === "none" || known.includes(name)) return;
  throw usageError(
    `--agent ${JSON.stringify(name)}: not an agent moor knows`,
    `use one of ${[...known, "none"].join(", ")}; add rules for another in the config dir's agents.json`,
  );
}

const collectWindow = (value: string, previous: WindowSpec[] = []): WindowSpec[] => [
  ...previous,
  parseWindowOption(value),
];

// moor new: a detached session with the agent in its first window, logged and recorded on the remote.
export function newCommand(runtime: RuntimeHolder): Command {
  return new Command("new")
    .description(
      "create a detached session; COMMAND (the agent) runs in its first window and stays visible when it exits",
    )
    .argument("<target>", "HOST:SESSION")
    .argument(
      "[command...]",
      'the agent and its arguments, after --; one quoted word is run by sh ("npm test && claude")',
    )
    .option("--cwd <dir>", "directory on the remote to start in (relative paths start at the login's home)")
    .option("--window <name[=cmd]>", "another window, with a shell or running CMD (repeatable)", collectWindow)
    .option("--no-log", "do not log the first window's output on the remote")
    .option(
      "--agent <name>",
      "the agent COMMAND runs, when moor would not recognise it (a wrapper script): claude, codex, opencode, gemini, aider, or none for a program to treat as unknown",
    )
    .option("--prompt <text>", "type TEXT into the agent (as a paste, then Enter) once its output has gone quiet")
    .option("--json", "print the created session as JSON")
    .addHelpText(
      "after",
      examples([
        "moor new gpu1:fix-tests -- claude",
        "moor new gpu1:fix-tests --cwd ~/src/app --prompt 'make the tests pass' -- claude",
        "moor new lab:web --window server='npm run dev' --window shell -- codex",
        "moor new lab:scratch --no-log",
        "moor new lab:bot --agent claude -- ./start-claude.sh",
      ]),
    )
    .action(async (targetText: string, words: string[], options: NewOptions, command: Command) => {
      const target = parseTarget(targetText, { session: "required", window: "none", command: "new" });
      if (options.prompt === "")
        throw usageError("--prompt needs some text", "leave --prompt out to start the agent without one");
      const { ctx, io } = runtime.get(command);
      if (options.agent !== undefined)
        checkAgentName(
          options.agent,
          ctx.rules.agents.map((agent) => agent.name),
        );
      const plan = planFromOptions(target.session, words, options, ctx.rules);
      if (options.prompt !== undefined) io.progress("waiting for the agent to be ready for the prompt");
      const created = await newSession(ctx, target, plan, {
        ...(options.prompt === undefined ? {} : { prompt: options.prompt }),
      });
      if (options.json) return io.json(created);
      renderCreated(io, "created", created);
      if (created.prompt !== null)
        io.print(
          `  prompt   delivered after ${(created.prompt.waitedMs / 1000).toFixed(1)} s (${created.prompt.state === "quiet" ? "the agent went quiet" : "timed out waiting for quiet"})`,
        );
    });
}
