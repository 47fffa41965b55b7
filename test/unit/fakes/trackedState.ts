import type { PaneObservation, SessionState, TrackedState } from "../../../src/state/index.js";

// A state as the tracker would give it, for tests that only render or diff states.
export function tracked(state: SessionState, fields: Partial<TrackedState> = {}): TrackedState {
  return {
    state,
    agent: undefined,
    reason: `test ${state}`,
    since: 0,
    evidence: { rule: "test", region: "test", lines: [] },
    ...fields,
  };
}

// A pane as list-panes shows it to the state engine.
export function observation(fields: Partial<PaneObservation> = {}): PaneObservation {
  return {
    command: "claude",
    startCommand: "claude",
    title: "",
    dead: false,
    deadStatus: undefined,
    deadSignal: undefined,
    activity: 0,
    ...fields,
  };
}
