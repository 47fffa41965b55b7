import type { SessionState } from "./types.js";

/**
 * Where a rule looks. Never old scrollback: only the visible screen (capture-pane without history) or the title.
 * - { last: N }: the last N non-blank rows of the screen (the status line, the input box, a dialog at the bottom)
 * - { cursor: { above, below } }: the rows from `above` rows above the cursor's row to `below` rows under it
 * - "screen": every non-blank row of the visible screen (full-screen programs)
 * - "title": the pane title (one line)
 */
export type RegionSpec = { last: number } | { cursor: { above: number; below: number } } | "screen" | "title";

/** A state an agent's rule can decide; exited and shell come from tmux itself. */
export type RuleState = Extract<SessionState, "asking" | "working" | "waiting">;

/** One rule as written in agents.json. It matches when its patterns (JavaScript regular expressions) do. */
export interface RuleSpec {
  /** Unique within the agent, "agent.what": shown as evidence, and how a user's file replaces or disables it. */
  id: string;
  state: RuleState;
  /** One line for people, shown by ls/status as the state's reason. */
  reason?: string;
  region: RegionSpec;
  /** At least one of these matches some line of the region. */
  any?: string[];
  /** Every one of these matches some line of the region. */
  all?: string[];
  /** None of these matches any line of the region. */
  none?: string[];
  ignoreCase?: boolean;
  /** In a user's file: drop the built-in rule with this id. */
  disabled?: boolean;
}

/** How a pane is recognised as this agent. */
export interface MatchSpec {
  /** Program names: pane_current_command, or a word of the pane's start command ("exec claude --x"). */
  commands?: string[];
  /** Patterns for the pane title. */
  title?: string[];
  /** Patterns for the visible screen, tried only while pane_current_command is one of `commands` ("node"). */
  screen?: { commands: string[]; any: string[] };
}

export interface AgentSpec {
  /** What JSON and --agent call it: "claude". */
  name: string;
  /** For people: "Claude Code". */
  label?: string;
  match?: MatchSpec;
  rules?: RuleSpec[];
  /**
   * When no rule matches: "activity" (working while output changes, idle after the quiet time), or a state.
   * Default "activity".
   */
  otherwise?: "activity" | RuleState;
  /**
   * How `moor send` submits text: paste, then press Enter only once the screen shows it (changed, then still for
   * settleMs), or after maxWaitMs. Without it, Enter follows the paste at once.
   */
  submit?: { settleMs: number; maxWaitMs: number };
  /** The arguments `moor revive` puts after the program's name to continue the last conversation. */
  resume?: string[];
}

/** The file format of src/state/rules/agents.json and <config-dir>/agents.json. */
export interface RulesFile {
  version: 1;
  agents: AgentSpec[];
}
