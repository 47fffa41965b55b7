import type { SessionState, TrackedState } from "../../state/index.js";
import type { PaneSummary, SessionSummary } from "./sessionSummary.js";

interface StateJson {
  status: SessionState;
  exitCode?: number;
  exitSignal?: number;
}

interface PaneJson extends StateJson {
  id: string;
  index: number;
  command: string;
}

// The stable --json form of a session, shared by ls and watch: times are ISO 8601, the state is flattened.
export interface SessionJson extends StateJson {
  name: string;
  agent: string | null;
  /** ISO 8601: since when the state has held (for a state first seen quiet: since the pane's last output). */
  since: string;
  reason: string;
  /** The host could not be reached: this is the last state seen, at lastContact. */
  stale: boolean;
  lastContact?: string;
  command: string;
  attached: boolean;
  clients: number;
  created: string;
  activity: string;
  windows: { index: number; name: string; panes: PaneJson[] }[];
}

function stateJson(state: Pick<TrackedState, "state" | "exitCode" | "exitSignal">): StateJson {
  return {
    status: state.state,
    ...(state.exitCode === undefined ? {} : { exitCode: state.exitCode }),
    ...(state.exitSignal === undefined ? {} : { exitSignal: state.exitSignal }),
  };
}

const iso = (epochSeconds: number): string => new Date(epochSeconds * 1000).toISOString();

// The session's state pane shows the session's state (its screen read); the others what list-panes alone says.
const paneJson =
  (session: SessionSummary) =>
  (pane: PaneSummary): PaneJson => ({
    id: pane.id,
    index: pane.index,
    command: pane.command,
    ...stateJson(pane.id === session.paneId ? session.state : pane.state),
  });

/** When the session's host was last reached (epoch ms), for sessions shown from an earlier contact. */
export interface Staleness {
  stale: boolean;
  lastContact?: number;
}

// Shared by ls --json and watch --json, so scripts read one shape.
export function sessionJson(session: SessionSummary, staleness: Staleness = { stale: false }): SessionJson {
  return {
    name: session.name,
    ...stateJson(session.state),
    agent: session.state.agent ?? null,
    since: new Date(session.state.since).toISOString(),
    reason: session.state.reason,
    stale: staleness.stale,
    ...(staleness.lastContact === undefined ? {} : { lastContact: new Date(staleness.lastContact).toISOString() }),
    command: session.command,
    attached: session.clients > 0,
    clients: session.clients,
    created: iso(session.created),
    activity: iso(session.activity),
    windows: session.windows.map((window) => ({
      index: window.index,
      name: window.name,
      panes: window.panes.map(paneJson(session)),
    })),
  };
}
