import type { PaneObservation } from "../../state/index.js";
import type { PaneIdentity } from "../../tmux/paneIdentity.js";

// What the state engine reads, from one look at the pane (output seen now: a known agent's state comes from its rules).
export function paneObservation(pane: PaneIdentity, nowSeconds: number): PaneObservation {
  const screen = pane.screen
    .replace(/\n$/, "")
    .split("\n")
    .map((line) => line.trimEnd());
  return {
    command: pane.command,
    startCommand: pane.startCommand,
    title: pane.title,
    dead: pane.dead,
    deadStatus: pane.deadStatus,
    deadSignal: undefined,
    activity: nowSeconds,
    cursorY: pane.cursorY,
    screen,
  };
}
