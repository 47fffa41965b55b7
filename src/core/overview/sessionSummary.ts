import { groupSessions, type Session } from "../../tmux/group.js";
import { parsePaneList } from "../../tmux/list.js";
import {
  agentRules,
  decidePaneState,
  recognizeAgent,
  type AgentRules,
  type PaneObservation,
  type TrackedState,
} from "../../state/index.js";
import { paneObservation } from "./paneObservation.js";

export interface PaneSummary {
  id: string;
  index: number;
  /** The foreground process now (pane_current_command). */
  command: string;
  /** Decided from list-panes alone (its screen is not read); the session's state pane has the full state. */
  state: TrackedState;
}

interface WindowSummary {
  index: number;
  name: string;
  panes: PaneSummary[];
}

// One session as ls and watch show it. Its state is that of its state pane: the first pane running an agent moor
// recognises, else the first pane of its first window (where moor new starts the agent).
export interface SessionSummary {
  name: string;
  /** Clients attached now. */
  clients: number;
  /** Epoch seconds. */
  created: number;
  /** Epoch seconds of the latest output or input in any of its windows. */
  activity: number;
  /** The state pane's state; decided from list-panes alone until its screen is read (withScreens). */
  state: TrackedState;
  command: string;
  /** The state pane, and when its window last printed (epoch s): a change means new output to fetch. */
  paneId: string;
  paneActivity: number;
  /** The state pane as list-panes showed it, for the state engine. */
  observation: PaneObservation;
  windows: WindowSummary[];
}

export interface SummaryOptions {
  /** Epoch seconds, now. */
  now: number;
  idleAfterSeconds?: number;
  rules?: AgentRules;
}

interface Candidate {
  id: string;
  command: string;
  observation: PaneObservation;
}

function summarizeSession(session: Session, options: SummaryOptions, rules: AgentRules): SessionSummary | undefined {
  const candidates: Candidate[] = [];
  const windows: WindowSummary[] = session.windows.map((window) => ({
    index: window.index,
    name: window.name,
    panes: window.panes.map((pane) => {
      const observation = paneObservation(pane, window);
      candidates.push({ id: pane.id, command: pane.command, observation });
      const decision = decidePaneState(observation, rules, {
        now: options.now,
        ...(options.idleAfterSeconds === undefined ? {} : { idleAfterSeconds: options.idleAfterSeconds }),
      });
      const since = decision.state === "working" ? options.now * 1000 : Math.min(options.now, window.activity) * 1000;
      return { id: pane.id, index: pane.index, command: pane.command, state: { ...decision, since } };
    }),
  }));
  const chosen =
    candidates.find(
      (candidate) => !candidate.observation.dead && recognizeAgent(candidate.observation, rules) !== undefined,
    ) ?? candidates[0];
  if (chosen === undefined) return undefined;
  const pane = windows.flatMap((window) => window.panes).find((candidate) => candidate.id === chosen.id);
  if (pane === undefined) return undefined;
  return {
    name: session.name,
    clients: session.attached,
    created: session.created,
    activity: Math.max(session.activity, ...session.windows.map((window) => window.activity)),
    state: pane.state,
    command: chosen.command,
    paneId: chosen.id,
    paneActivity: chosen.observation.activity,
    observation: chosen.observation,
    windows,
  };
}

// Reads one `list-panes -a` output (listPanesArgv) into sessions, in tmux's order.
export function summarizeSessions(output: string, host: string, options: SummaryOptions): SessionSummary[] {
  const rules = options.rules ?? agentRules();
  return groupSessions(parsePaneList(output, host)).flatMap(
    (session) => summarizeSession(session, options, rules) ?? [],
  );
}
