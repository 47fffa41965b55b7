import type { PaneRow } from "./list.js";

export interface Pane {
  id: string;
  index: number;
  active: boolean;
  /** undefined for a dead pane on tmux 3.8. */
  pid: number | undefined;
  /** The foreground process now. */
  command: string;
  /** What the pane was started with, as tmux prints it; "" for the default shell. */
  startCommand: string;
  dead: boolean;
  deadStatus: number | undefined;
  deadSignal: number | undefined;
  path: string;
  title: string;
  /** The cursor's row on the visible screen. */
  cursorY: number;
  /** The agent moor new was told (--agent NAME|none); "" when not told. */
  agent: string;
}

export interface Window {
  index: number;
  id: string;
  name: string;
  /** Epoch seconds of the window's last output. */
  activity: number;
  active: boolean;
  /** A bell rang in it (window_bell_flag). */
  bell: boolean;
  panes: Pane[];
}

export interface Session {
  name: string;
  /** Epoch seconds. */
  created: number;
  /** Number of attached clients. */
  attached: number;
  /** Epoch seconds. */
  activity: number;
  windows: Window[];
}

function toPane(row: PaneRow): Pane {
  return {
    id: row.paneId,
    index: row.paneIndex,
    active: row.paneActive,
    pid: row.panePid,
    command: row.currentCommand,
    startCommand: row.startCommand,
    dead: row.dead,
    deadStatus: row.deadStatus,
    deadSignal: row.deadSignal,
    path: row.currentPath,
    title: row.title,
    cursorY: row.cursorY,
    agent: row.agent,
  };
}

// Folds list-panes rows into sessions > windows > panes: sessions in tmux's order, windows and panes by index.
export function groupSessions(rows: readonly PaneRow[]): Session[] {
  const sessions = new Map<string, Session>();
  const windows = new Map<string, Window>();
  for (const row of rows) {
    let session = sessions.get(row.sessionName);
    if (session === undefined) {
      const { sessionName: name, sessionCreated: created, sessionAttached: attached, sessionActivity: activity } = row;
      session = { name, created, attached, activity, windows: [] };
      sessions.set(row.sessionName, session);
    }
    // A window linked into two sessions appears under each, so it is keyed by session too.
    const windowKey = `${row.sessionName}\n${row.windowId}`;
    let window = windows.get(windowKey);
    if (window === undefined) {
      const {
        windowIndex: index,
        windowId: id,
        windowName: name,
        windowActivity: activity,
        windowActive: active,
        windowBell: bell,
      } = row;
      window = { index, id, name, activity, active, bell, panes: [] };
      windows.set(windowKey, window);
      session.windows.push(window);
    }
    window.panes.push(toPane(row));
  }
  for (const session of sessions.values()) {
    session.windows.sort((a, b) => a.index - b.index);
    for (const window of session.windows) window.panes.sort((a, b) => a.index - b.index);
  }
  return [...sessions.values()];
}
