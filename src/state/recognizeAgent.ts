import type { Agent, AgentRules } from "./agentRules.js";
import type { PaneObservation } from "./types.js";

/** How an agent was recognised, for evidence. */
export interface Recognition {
  agent: Agent;
  by: "hint" | "command" | "start command" | "title" | "screen";
}

// "/usr/bin/claude" and a login shell's "-bash" are claude and bash.
export function programName(word: string): string {
  return (word.split("/").pop() ?? "").replace(/^-/, "");
}

// The program names in a start command, however tmux quoted it and however deep moor's login-shell wrapper put it
// ('/bin/sh -c "exec \"${SHELL}\" -lc \"$1\"" sh "exec claude --x"' gives ..., exec, claude, --x).
function startCommandWords(startCommand: string): string[] {
  return (startCommand.match(/[^\s"'\\;&|()$]+/g) ?? []).map(programName).filter((word) => word !== "");
}

// Which agent runs in a pane: the agent named by the user (or recorded by moor new), else the foreground
// program, else a word of the start command (Gemini CLI runs as "node"), else the title, else the screen.
export function recognizeAgent(observation: PaneObservation, rules: AgentRules): Recognition | undefined {
  const { agents } = rules;
  if (observation.agentHint !== undefined) {
    if (observation.agentHint === "none") return undefined;
    const named = agents.find((agent) => agent.name === observation.agentHint);
    if (named !== undefined) return { agent: named, by: "hint" };
  }
  const command = programName(observation.command);
  const byCommand = agents.find((agent) => agent.commands.includes(command));
  if (byCommand !== undefined) return { agent: byCommand, by: "command" };
  const words = new Set(startCommandWords(observation.startCommand));
  const byStart = agents.find((agent) => agent.commands.some((name) => words.has(name)));
  if (byStart !== undefined) return { agent: byStart, by: "start command" };
  const byTitle = agents.find((agent) => agent.title.some((pattern) => pattern.test(observation.title)));
  if (byTitle !== undefined) return { agent: byTitle, by: "title" };
  const screen = observation.screen ?? [];
  const byScreen = agents.find(
    (agent) =>
      agent.screen !== undefined &&
      agent.screen.commands.includes(command) &&
      screen.some((line) => agent.screen?.any.some((pattern) => pattern.test(line))),
  );
  return byScreen === undefined ? undefined : { agent: byScreen, by: "screen" };
}
