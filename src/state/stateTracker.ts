import type { AgentRules } from "./agentRules.js";
import { decidePaneState } from "./decideState.js";
import type { Decision, PaneObservation, SessionState } from "./types.js";

/** A pane's state as a live view shows it: the decision, and since when (epoch ms) the state has held. */
export interface TrackedState extends Decision {
  since: number;
}

export interface TrackerOptions {
  idleAfterSeconds?: number;
  /**
   * A state of lower priority (working → waiting, asking → working…) must be read this long before it is shown,
   * so a redraw that briefly hides a marker never flickers the state. Rises (a dialog, a busy marker, an exit)
   * show at once.
   */
  debounceMs?: number;
}

const DEFAULT_DEBOUNCE_MS = 600;

const RANK: Record<SessionState, number> = { asking: 4, working: 3, waiting: 2, idle: 1, exited: 0, gone: 0, shell: 0 };

interface Memory {
  screen: readonly string[] | undefined;
  shown: TrackedState;
  /** A lower state read but not shown yet, and when it was first read. */
  pending?: { state: SessionState; at: number };
}

// Shows at once what needs the user or says the agent is busy; a drop must hold for the debounce.
function showsAtOnce(from: SessionState, to: SessionState): boolean {
  if (to === "exited" || to === "shell" || from === "exited" || from === "shell") return true;
  return RANK[to] > RANK[from];
}

// For a state first seen now: a quiet screen has looked like this since its last output.
function firstSince(decision: Decision, observation: PaneObservation, nowMs: number): number {
  if (decision.state === "working") return nowMs;
  return Math.min(nowMs, observation.activity * 1000);
}

// Each pane's state across polls: remembers the last captured screen (a pane that printed nothing is not
// captured again), when the state began, and holds back drops for the debounce. Pure: time comes in.
export class StateTracker {
  readonly #memory = new Map<string, Memory>();

  constructor(
    private readonly rules: AgentRules,
    private readonly options: TrackerOptions = {},
  ) {}

  /** The state of pane `key` (a pane id) after this observation; observation.screen undefined reuses the last. */
  observe(key: string, observation: PaneObservation, nowMs: number): TrackedState {
    const memory = this.#memory.get(key);
    const screen = observation.screen ?? memory?.screen;
    const decision = decidePaneState({ ...observation, screen }, this.rules, {
      now: Math.floor(nowMs / 1000),
      ...(this.options.idleAfterSeconds === undefined ? {} : { idleAfterSeconds: this.options.idleAfterSeconds }),
    });
    const shown = this.#next(memory, decision, observation, nowMs);
    const pending =
      shown.state === decision.state
        ? undefined
        : memory?.pending?.state === decision.state
          ? memory.pending
          : { state: decision.state, at: nowMs };
    this.#memory.set(key, { screen, shown, ...(pending === undefined ? {} : { pending }) });
    return shown;
  }

  /** Whether a pane has a lower state read but not yet shown: poll again after the debounce to confirm it. */
  pending(key: string): boolean {
    return this.#memory.get(key)?.pending !== undefined;
  }

  get debounceMs(): number {
    return this.options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  }

  /** Forgets panes that are gone. */
  keepOnly(keys: ReadonlySet<string>): void {
    for (const key of this.#memory.keys()) if (!keys.has(key)) this.#memory.delete(key);
  }

  #next(memory: Memory | undefined, decision: Decision, observation: PaneObservation, nowMs: number): TrackedState {
    if (memory === undefined) return { ...decision, since: firstSince(decision, observation, nowMs) };
    const { shown, pending } = memory;
    if (decision.state === shown.state) return { ...decision, since: shown.since };
    if (showsAtOnce(shown.state, decision.state)) return { ...decision, since: nowMs };
    if (pending?.state === decision.state && nowMs - pending.at >= this.debounceMs)
      return { ...decision, since: pending.at };
    return shown;
  }
}
