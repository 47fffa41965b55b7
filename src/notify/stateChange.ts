// A session as the notifier sees it at one poll: its state and what explains it.
export interface ObservedSession {
  host: string;
  session: string;
  state: string;
  agent: string | undefined;
  /** One line for people: the question's first line, "exited with status 3". */
  reason: string;
  /** The last lines of its screen, oldest first. */
  excerpt: string[];
  /** When asking: the question and its numbered options, one a line (when its agent's dialog can be read). */
  question?: string;
}

// One session's change from one state to another, as the notifier is fed it.
export interface StateChange extends ObservedSession {
  /** HOST:SESSION. */
  target: string;
  /** Undefined for a session that appeared after moor started. */
  previous: string | undefined;
  /** Epoch ms. */
  at: number;
}
