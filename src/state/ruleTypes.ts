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
  /**
   * How `moor revive` resumes the session's own conversation (see ResumeSpec). The older form, a list of arguments,
   * is the "latest" option alone.
   */
  resume?: ResumeSpec | string[];
  /** How its questions are read and answered (moor status, moor answer). Without it, moor does not answer it. */
  dialog?: DialogSpec;
  /** Where its input box is: moor send refuses to type into a draft, and checks that the prompt was taken. */
  input?: InputSpec;
}

/**
 * An agent's input box. With `between` [top, bottom], the box is the rows between the last row that matches bottom
 * and the nearest row above it that matches top, and its text is what `line` (named group "text") reads of each;
 * without, the last row of `region` that matches `line` holds its text.
 */
export interface InputSpec {
  region?: RegionSpec;
  line: string;
  between?: [string, string];
  /** What the box shows while empty (a placeholder): patterns of its text. */
  empty?: string[];
}

/**
 * How an agent's question reads on screen and which keys answer it. The options are the last run numbered 1, 2, …
 * of lines that match `option` (or the parts of the last line that matches `row`, split at two or more spaces,
 * numbered from 1); the question is the last line above them that matches `question`, down to the options.
 */
export interface DialogSpec {
  /** Where the dialog is read from. */
  region: RegionSpec;
  /** Patterns of the question's first line. */
  question: string[];
  /** One option a line, with named groups: label, number (else its position), selected (set on the highlighted one). */
  option?: string;
  /** All options on one line: the named group "options" holds them, split at two or more spaces. */
  row?: string;
  /**
   * How option N is picked: "digit" types N; "arrows" presses `prev`/`next` from the highlighted option (the first
   * when none shows), then `confirm`.
   */
  pick: "digit" | "arrows";
  prev?: string;
  next?: string;
  confirm?: string;
  /** Patterns of the labels that `yes` and `no` pick (the first option that matches). */
  yes: string;
  no: string;
}

/**
 * How one agent's conversation is resumed. Every list is arguments put right after the program's name; "{id}" in
 * them stands for the conversation's id.
 */
export interface ResumeSpec {
  /** Resume the conversation {id}. */
  id: string[];
  /** Continue the latest conversation in the folder: the fallback when the id is not known. */
  latest: string[];
  /** Start a new conversation whose id moor chose ({id}, a UUID). Without it, moor learns the id (learn). */
  launch?: string[];
  /** Where the agent lists its conversations on the remote, for learning the id after launch. */
  learn?: LearnSpec;
  /** Prints the agent's version (recorded at launch). */
  version?: string[];
}

/**
 * The agent's conversations, read over ssh with nothing installed: either the first line (a JSON object) of each
 * file named NAME under the folder UNDER (relative to home) that changed since the launch, or the JSON array that
 * RUN prints in the session's folder ("{program}" is the agent's program as the session runs it). id, cwd and
 * created are dotted paths into each object; created is an ISO time or epoch milliseconds.
 */
export interface LearnSpec {
  files?: { under: string; name: string };
  run?: string[];
  id: string;
  cwd: string;
  created: string;
}

/** The file format of src/state/rules/agents.json and <config-dir>/agents.json. */
export interface RulesFile {
  version: 1;
  agents: AgentSpec[];
}
