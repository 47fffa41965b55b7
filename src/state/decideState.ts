import { DEFAULT_SHELLS, startedAsShell } from "./startCommand.js";
import type { Agent, AgentRules, Rule } from "./agentRules.js";
import { programName, recognizeAgent } from "./recognizeAgent.js";
import { regionLines } from "./screenRegion.js";
import type { Decision, PaneObservation, SessionState } from "./types.js";

/** Seconds without output before a program moor does not know is idle (moor config idle). */
export const DEFAULT_IDLE_SECONDS = 30;

export interface DecideOptions {
  /** Epoch seconds, now (compared with window_activity). */
  now: number;
  idleAfterSeconds?: number;
  shells?: readonly string[];
}

// asking over working over waiting: a dialog drawn over a busy agent needs the user, and an input box is on
// screen all the time, busy or not.
const PRIORITY: Record<string, number> = { asking: 3, working: 2, waiting: 1 };

function matchRule(
  rule: Rule,
  observation: PaneObservation,
  screen: readonly string[],
): Decision["evidence"] | undefined {
  const region = regionLines(rule.region, screen, observation.title, observation.cursorY);
  const hit = (pattern: RegExp) => region.lines.find((line) => pattern.test(line));
  const anyHit = rule.any.length === 0 ? undefined : rule.any.map(hit).find((line) => line !== undefined);
  if (rule.any.length > 0 && anyHit === undefined) return undefined;
  const allHits = rule.all.map(hit);
  if (allHits.some((line) => line === undefined)) return undefined;
  if (rule.none.some((pattern) => hit(pattern) !== undefined)) return undefined;
  const matched = anyHit ?? allHits[0];
  return { rule: rule.id, region: region.label, lines: region.lines, ...(matched === undefined ? {} : { matched }) };
}

// Every rule of the agent is tried; the highest-priority state that matched wins (its first matching rule).
function byRules(agent: Agent, observation: PaneObservation, screen: readonly string[]): Decision | undefined {
  let best: Decision | undefined;
  for (const rule of agent.rules) {
    if (best !== undefined && (PRIORITY[best.state] ?? 0) >= (PRIORITY[rule.state] ?? 0)) continue;
    const evidence = matchRule(rule, observation, screen);
    if (evidence !== undefined) best = { state: rule.state, agent: agent.name, reason: rule.reason, evidence };
  }
  return best;
}

function byActivity(
  observation: PaneObservation,
  agent: string | undefined,
  options: DecideOptions,
  why: string,
): Decision {
  const quiet = Math.max(0, options.now - observation.activity);
  const idleAfter = options.idleAfterSeconds ?? DEFAULT_IDLE_SECONDS;
  const lines =
    observation.screen === undefined ? [] : observation.screen.filter((line) => line.trim() !== "").slice(-3);
  // Reasons name no changing number, so a live view's JSON does not change every second; the evidence does.
  const region = `window_activity (last output ${String(quiet)}s ago)`;
  if (quiet >= idleAfter)
    return {
      state: "idle",
      agent,
      reason: `${why}no output for ${String(idleAfter)}s or more`,
      evidence: { rule: "quiet", region, lines },
    };
  return {
    state: "working",
    agent,
    reason: `${why}its output is changing`,
    evidence: { rule: "output", region, lines },
  };
}

function exited(observation: PaneObservation, agent: string | undefined): Decision {
  const { deadStatus, deadSignal } = observation;
  const how =
    deadStatus !== undefined
      ? `exited with status ${String(deadStatus)}`
      : deadSignal !== undefined
        ? `killed by signal ${String(deadSignal)}`
        : "exited";
  return {
    state: "exited",
    agent,
    reason: how,
    ...(deadStatus === undefined ? {} : { exitCode: deadStatus }),
    ...(deadSignal === undefined ? {} : { exitSignal: deadSignal }),
    evidence: { rule: "pane-dead", region: "pane_dead_status", lines: [String(deadStatus ?? deadSignal ?? "")] },
  };
}

// A shell in the foreground of a pane started as an interactive shell sits at its prompt. In a pane started with a
// command, a shell in the foreground is that command's wrapper (sh -c "npm test && claude" shows sh all along).
function atShell(observation: PaneObservation, shells: readonly string[]): boolean {
  return shells.includes(programName(observation.command)) && startedAsShell(observation.startCommand, shells);
}

// One pane's state from one observation, with the evidence: pure, so every agent's screens can be tested.
// Without a screen (not captured) only title rules can run; when no rule matches, activity decides.
export function decidePaneState(observation: PaneObservation, rules: AgentRules, options: DecideOptions): Decision {
  const recognition = recognizeAgent(observation, rules);
  const agent = recognition?.agent;
  if (observation.dead) return exited(observation, agent?.name);
  if (atShell(observation, options.shells ?? DEFAULT_SHELLS)) {
    return {
      state: "shell",
      agent: undefined,
      reason: `${programName(observation.command)} is at its prompt`,
      evidence: { rule: "shell", region: "pane_current_command", lines: [observation.command] },
    };
  }
  if (agent === undefined) return byActivity(observation, undefined, options, "");
  const screen = observation.screen;
  const decided = byRules(agent, observation, screen ?? []);
  if (decided !== undefined) return decided;
  if (screen !== undefined && agent.otherwise !== "activity") {
    const state: SessionState = agent.otherwise;
    return {
      state,
      agent: agent.name,
      reason: `no ${agent.label} marker matched`,
      evidence: { rule: "otherwise", region: "screen", lines: screen.filter((line) => line.trim() !== "").slice(-3) },
    };
  }
  return byActivity(
    observation,
    agent.name,
    options,
    screen === undefined ? "screen not read; " : `no ${agent.label} marker on screen; `,
  );
}
