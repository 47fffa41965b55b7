import { REAP_FIRST, tmuxArgv } from "./command.js";

/** What a pane shows at one moment, and whether its command has ended. */
export interface PaneSnapshot {
  dead: boolean;
  deadStatus: number | undefined;
  /** "x,y": a moving cursor is activity even when the text is the same. */
  cursor: string;
  /** The visible screen, as capture-pane prints it. */
  screen: string;
}

// One invocation for all: tmux prints display-message's line first, then the capture (verified on 3.3a).
export function paneSnapshotArgv(target: string): string[] {
  return tmuxArgv(
    REAP_FIRST,
    ["display-message", "-p", "-t", target, "#{pane_dead}:#{pane_dead_status}:#{cursor_x},#{cursor_y}"],
    ["capture-pane", "-p", "-t", target],
  );
}

// Reads paneSnapshotArgv's output; a dead pane whose status is still unknown has deadStatus undefined.
export function parsePaneSnapshot(output: string): PaneSnapshot {
  const newline = output.indexOf("\n");
  const head = newline === -1 ? output : output.slice(0, newline);
  const [dead = "", status = "", cursor = ""] = head.split(":");
  return {
    dead: dead === "1",
    deadStatus: /^\d+$/.test(status) ? Number(status) : undefined,
    cursor,
    screen: newline === -1 ? "" : output.slice(newline + 1),
  };
}
