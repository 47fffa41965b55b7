import type { Pane, Window } from "../../tmux/group.js";
import type { PaneObservation } from "../../state/index.js";

// What the state engine reads of a pane from list-panes (the screen is added once captured).
export function paneObservation(pane: Pane, window: Window): PaneObservation {
  return {
    command: pane.command,
    startCommand: pane.startCommand,
    title: pane.title,
    dead: pane.dead,
    deadStatus: pane.deadStatus,
    deadSignal: pane.deadSignal,
    activity: window.activity,
    cursorY: pane.cursorY,
    bell: window.bell,
    ...(pane.agent === "" ? {} : { agentHint: pane.agent }),
  };
}
