import { groupSessions, type Pane, type Session } from "../../tmux/group.js";
import { parsePaneList } from "../../tmux/list.js";
import { paneStatus, type PaneStatus } from "../../tmux/status.js";

export interface PaneSummary {
  id: string;
  index: number;
  /** The foreground process now (pane_current_command). */
  command: string;
  status: PaneStatus;
}

export interface WindowSummary {
  index: number;
  name: string;
  panes: PaneSummary[];
}

// One session as ls and watch show it: its headline is the first pane of its first window (where moor new
// starts the agent), so the session's status and command are that pane's.
export interface SessionSummary {
  name: string;
  /** Clients attached now. */
  clients: number;
  /** Epoch seconds. */
  created: number;
  /** Epoch seconds of the latest output or input in any of its windows. */
  activity: number;
  status: PaneStatus;
  command: string;
  /** The headline pane, and when its window last printed (epoch s): a change means new output to fetch. */
  paneId: string;
  paneActivity: number;
  windows: WindowSummary[];
}

export interface SummaryOptions {
  /** Epoch seconds, now. */
  now: number;
  idleAfterSeconds?: number;
}

function summarizePane(pane: Pane, activity: number, options: SummaryOptions): PaneSummary {
  const status = paneStatus(pane, { activity, now: options.now, ...(options.idleAfterSeconds === undefined ? {} : { idleAfterSeconds: options.idleAfterSeconds }) });
  return { id: pane.id, index: pane.index, command: pane.command, status };
}

function summarizeSession(session: Session, options: SummaryOptions): SessionSummary | undefined {
  const windows = session.windows.map((window) => ({
    index: window.index,
    name: window.name,
    activity: window.activity,
    panes: window.panes.map((pane) => summarizePane(pane, window.activity, options)),
  }));
  const first = windows[0];
  const headline = first?.panes[0];
  if (first === undefined || headline === undefined) return undefined;
  return {
    name: session.name,
    clients: session.attached,
    created: session.created,
    activity: Math.max(session.activity, ...windows.map((window) => window.activity)),
    status: headline.status,
    command: headline.command,
    paneId: headline.id,
    paneActivity: first.activity,
    windows: windows.map(({ index, name, panes }) => ({ index, name, panes })),
  };
}

// Reads one `list-panes -a` output (listPanesArgv) into sessions, in tmux's order.
export function summarizeSessions(output: string, host: string, options: SummaryOptions): SessionSummary[] {
  return groupSessions(parsePaneList(output, host)).flatMap((session) => summarizeSession(session, options) ?? []);
}
