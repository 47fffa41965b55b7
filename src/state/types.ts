// The states of spec/cli.md ("Session states"), in the order a live view sorts them: what needs the user first.
export const SESSION_STATES = ["asking", "waiting", "working", "idle", "exited", "gone", "shell"] as const;
export type SessionState = (typeof SESSION_STATES)[number];

/** Everything the engine reads about one pane at one moment: list-panes fields, plus the screen when captured. */
export interface PaneObservation {
  /** pane_current_command: the foreground process now. */
  command: string;
  /** pane_start_command as tmux prints it ("" for the default shell). */
  startCommand: string;
  /** pane_title. */
  title: string;
  dead: boolean;
  deadStatus: number | undefined;
  deadSignal: number | undefined;
  /** window_activity, epoch seconds: the last output in the pane's window. */
  activity: number;
  /** cursor_y, the cursor's row on the visible screen (0 at the top); undefined when not known. */
  cursorY?: number | undefined;
  /** window_bell_flag: a bell rang in the window since it was last looked at. */
  bell?: boolean | undefined;
  /**
   * The visible screen, one string a row (capture-pane -p, no history), trailing spaces removed; undefined when
   * the screen was not captured (the engine then decides from list-panes alone).
   */
  screen?: readonly string[] | undefined;
  /** An agent named by the user or recorded by moor new (--agent NAME); "none" forces "no agent". */
  agentHint?: string | undefined;
}

/** Why a state was decided: the rule (or built-in signal) and what it read. */
interface Evidence {
  /** A rule's id ("claude.permission"), or a built-in signal: "pane-dead", "shell", "output", "quiet". */
  rule: string;
  /** Where it looked: "last 12 lines", "title", "cursor -3..+2", or the list-panes field. */
  region: string;
  /** The lines it read (for a rule: the region's lines); the line that matched is `matched`. */
  lines: string[];
  matched?: string;
}

/** One pane's state as decided from one observation. */
export interface Decision {
  state: SessionState;
  /** The recognised agent's name ("claude"), or undefined for a program moor does not know. */
  agent: string | undefined;
  /** One line for people: "permission dialog on screen", "exited with status 3". */
  reason: string;
  /** Set for exited. */
  exitCode?: number | undefined;
  exitSignal?: number | undefined;
  evidence: Evidence;
}
