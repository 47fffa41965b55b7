import type { PaneStatus } from "../../tmux/status.js";
import type { PaneSummary, SessionSummary } from "./sessionSummary.js";

export interface StatusJson {
  status: PaneStatus["state"];
  exitCode?: number;
  exitSignal?: number;
}

export interface PaneJson extends StatusJson {
  id: string;
  index: number;
  command: string;
}

// The stable --json form of a session, shared by ls and watch: times are ISO 8601, status is flattened.
export interface SessionJson extends StatusJson {
  name: string;
  command: string;
  attached: boolean;
  clients: number;
  created: string;
  activity: string;
  windows: { index: number; name: string; panes: PaneJson[] }[];
}

// "idle" carries no seconds here: they change every second, and watch --json reports changes only.
export function statusJson(status: PaneStatus): StatusJson {
  if (status.state !== "exited") return { status: status.state };
  return {
    status: "exited",
    ...(status.code === undefined ? {} : { exitCode: status.code }),
    ...(status.signal === undefined ? {} : { exitSignal: status.signal }),
  };
}

const iso = (epochSeconds: number): string => new Date(epochSeconds * 1000).toISOString();

const paneJson = (pane: PaneSummary): PaneJson => ({ id: pane.id, index: pane.index, command: pane.command, ...statusJson(pane.status) });

// Shared by ls --json and watch --json, so scripts read one shape.
export function sessionJson(session: SessionSummary): SessionJson {
  return {
    name: session.name,
    ...statusJson(session.status),
    command: session.command,
    attached: session.clients > 0,
    clients: session.clients,
    created: iso(session.created),
    activity: iso(session.activity),
    windows: session.windows.map((window) => ({ index: window.index, name: window.name, panes: window.panes.map(paneJson) })),
  };
}
