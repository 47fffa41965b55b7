import { recognizeAgent, type AgentRules, type PaneObservation } from "../../state/index.js";
import type { PaneIdentity } from "../../tmux/paneIdentity.js";
import type { SubmitRule } from "./submitPaste.js";

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

// The submit rule of the agent running in a pane (agents.json "submit"), recognised as ls recognises it.
export function agentSubmitRule(rules: AgentRules, pane: PaneIdentity): SubmitRule | undefined {
  return recognizeAgent(paneObservation(pane, 0), rules)?.agent.submit;
}
