import { programName, type AgentRules } from "../../state/index.js";

/** The command revive runs and why: the recorded one, or a known agent's with its own "continue" option. */
export interface ResumePlan {
  command: string[] | undefined;
  /** The agent whose resume option was added, or null when the recorded command runs as it was. */
  resumed: string | null;
}

// A known agent (its program is one of the agent's commands) restarts with its "resume" arguments from
// agents.json right after the program ("claude --continue", "codex resume --last", "opencode --continue",
// "gemini --resume latest"); anything else, or fresh, runs as recorded, and so does a program moor new was told is
// another agent or none (--agent: a wrapper script may not take the agent's options).
export function resumeCommand(
  command: readonly string[] | undefined,
  rules: AgentRules,
  fresh: boolean,
  told?: string,
): ResumePlan {
  if (command === undefined || command.length === 0 || fresh)
    return { command: command === undefined ? undefined : [...command], resumed: null };
  const [program = "", ...rest] = command;
  const agent = rules.agents.find(
    (candidate) => candidate.resume !== undefined && candidate.commands.includes(programName(program)),
  );
  if (agent?.resume === undefined || (told !== undefined && told !== agent.name))
    return { command: [...command], resumed: null };
  return { command: [program, ...agent.resume, ...rest], resumed: agent.name };
}
