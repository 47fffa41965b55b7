import { programName, type Agent, type AgentRules } from "../../state/index.js";
import type { Conversation } from "./sessionSpec.js";

/** The command revive runs and why: the recorded one, or a known agent's with its own resume option. */
export interface ResumePlan {
  command: string[] | undefined;
  /** The agent whose resume option was added, or null when the recorded command runs as it was. */
  resumed: string | null;
  /** "own": the session's own conversation; "latest": the agent's latest in the folder (its id is not known). */
  conversation: "own" | "latest" | null;
  /** The id resumed ("own"), else null. */
  id: string | null;
}

// The known agent a recorded command runs (its program is one of the agent's commands), unless moor new was told
// it is another agent or none (--agent: a wrapper script may not take the agent's options).
export function resumableAgent(
  command: readonly string[] | undefined,
  rules: AgentRules,
  told?: string,
): Agent | undefined {
  const program = command?.[0];
  if (program === undefined) return undefined;
  const agent = rules.agents.find(
    (candidate) => candidate.resume !== undefined && candidate.commands.includes(programName(program)),
  );
  return told !== undefined && told !== agent?.name ? undefined : agent;
}

const withId = (args: readonly string[], id: string): string[] => args.map((arg) => arg.replaceAll("{id}", id));

// The program, then ARGS, then the rest of the recorded command.
const insert = (command: readonly string[], args: readonly string[]): string[] => [
  command[0] ?? "",
  ...args,
  ...command.slice(1),
];

/** What `moor new` runs and records: an agent that takes its conversation's id at launch gets the one moor chose. */
export interface LaunchPlan {
  command: string[] | undefined;
  conversation: Conversation | undefined;
}

export function launchCommand(
  command: readonly string[] | undefined,
  rules: AgentRules,
  told: string | undefined,
  newId: () => string,
): LaunchPlan {
  const agent = resumableAgent(command, rules, told);
  if (command === undefined || agent?.resume === undefined)
    return { command: command && [...command], conversation: undefined };
  const { launch, id } = agent.resume;
  if (launch === undefined || id === undefined) return { command: [...command], conversation: { agent: agent.name } };
  const chosen = newId();
  return { command: insert(command, withId(launch, chosen)), conversation: { agent: agent.name, id: chosen } };
}

// A known agent restarts with its conversation: its own by id when the id is known ("claude --resume ID",
// "codex resume ID"), else the latest in the folder ("claude --continue"), which the caller says out loud.
// Fresh, or anything else, runs as recorded.
export function resumeCommand(
  command: readonly string[] | undefined,
  rules: AgentRules,
  options: { fresh: boolean; told?: string | undefined; id?: string | undefined },
): ResumePlan {
  const agent = resumableAgent(command, rules, options.told);
  if (command === undefined || options.fresh || agent?.resume === undefined)
    return { command: command && [...command], resumed: null, conversation: null, id: null };
  const { resume } = agent;
  if (options.id !== undefined && resume.id !== undefined)
    return {
      command: insert(command, withId(resume.id, options.id)),
      resumed: agent.name,
      conversation: "own",
      id: options.id,
    };
  return { command: insert(command, resume.latest), resumed: agent.name, conversation: "latest", id: null };
}
