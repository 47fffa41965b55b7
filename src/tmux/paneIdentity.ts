import { tmuxArgv } from "./command.js";

/** What tells which program runs in a pane, read at once with what it shows. */
export interface PaneIdentity {
  dead: boolean;
  deadStatus: number | undefined;
  cursorY: number | undefined;
  command: string;
  title: string;
  startCommand: string;
  /** The visible screen (capture-pane -p). */
  screen: string;
}

const SEPARATOR = "\t";

/** What display-message prints of a pane for parsePaneIdentity (the screen follows it). */
export const PANE_IDENTITY_FORMAT = [
  "#{pane_dead}",
  "#{pane_dead_status}",
  "#{cursor_y}",
  "#{pane_current_command}",
  "#{pane_title}",
  "#{pane_start_command}",
].join(SEPARATOR);

// One invocation: the bare send-keys only resolves the target (a missing pane fails before anything is typed),
// then whether it is dead, its cursor row, command, title and start command on one line (the start command last:
// it may hold a tab),
// then its screen.
export function paneIdentityArgv(target: string): string[] {
  return tmuxArgv(
    ["send-keys", "-t", target],
    ["display-message", "-p", "-t", target, PANE_IDENTITY_FORMAT],
    ["capture-pane", "-p", "-t", target],
  );
}

export function parsePaneIdentity(output: string): PaneIdentity {
  const newline = output.indexOf("\n");
  const head = newline === -1 ? output : output.slice(0, newline);
  const [dead = "", status = "", cursorY = "", command = "", title = "", ...start] = head.split(SEPARATOR);
  const number = (text: string): number | undefined => (/^\d+$/.test(text) ? Number(text) : undefined);
  return {
    dead: dead === "1",
    deadStatus: number(status),
    cursorY: number(cursorY),
    command,
    title,
    startCommand: start.join(SEPARATOR),
    screen: newline === -1 ? "" : output.slice(newline + 1),
  };
}

// The visible screen alone, polled while an agent takes in a paste.
export const captureScreenArgv = (target: string): string[] => tmuxArgv(["capture-pane", "-p", "-t", target]);
