import { ExitCode, MoorError, notFoundError } from "../../errors.js";
import {
  agentRules,
  questionOf,
  StateTracker,
  type AgentRules,
  type Question,
  type TrackedState,
} from "../../state/index.js";
import { sessionPanesArgv } from "../../tmux/list.js";
import { captureNonce, parsePaneCaptures, sessionPanesWithScreenArgv, splitListing } from "../../tmux/paneLines.js";
import { paneTarget } from "../../tmux/target.js";
import type { SessionTarget } from "../target.js";
import type { TmuxRunner } from "../overview/listHosts.js";
import { paneObservation } from "../overview/paneObservation.js";
import { captureScreens } from "../overview/sessionStates.js";
import { summarizeSessions } from "../overview/sessionSummary.js";
import { groupSessions } from "../../tmux/group.js";
import { parsePaneList } from "../../tmux/list.js";
import { formatTarget } from "../target.js";

/** One session's (or window's) state, and what it was read from. */
export interface SessionStateReport {
  target: string;
  state: TrackedState;
  pane: { id: string; command: string; title: string; window: string };
  /** The whole visible screen of that pane, as read (blank rows below the text removed). */
  screen: string[];
  /** When asking: the question on screen, read by the agent's dialog rule (undefined when it cannot be read). */
  question: Question | undefined;
}

export interface ReadStateOptions {
  rules?: AgentRules;
  idleAfterSeconds?: number;
  nowMs?: () => number;
}

// The pane a target's state is read from: a window's active pane, else the session's state pane.
function pickPane(output: string, target: SessionTarget, label: string, options: ReadStateOptions) {
  const nowMs = options.nowMs ?? Date.now;
  const rules = options.rules ?? agentRules();
  const [summary] = summarizeSessions(output, target.host, { now: Math.floor(nowMs() / 1000), rules });
  const [session] = groupSessions(parsePaneList(output, target.host));
  if (summary === undefined || session === undefined)
    throw notFoundError(`${label}: no such session`, `"moor ls ${target.host}" lists its sessions`);
  const window =
    target.window === undefined
      ? session.windows.find((candidate) => candidate.panes.some((pane) => pane.id === summary.paneId))
      : session.windows.find(
          (candidate) => candidate.name === target.window || String(candidate.index) === target.window,
        );
  const pane =
    target.window === undefined
      ? window?.panes.find((candidate) => candidate.id === summary.paneId)
      : (window?.panes.find((candidate) => candidate.active) ?? window?.panes[0]);
  if (window === undefined || pane === undefined)
    throw notFoundError(`${label}: no such window`, `"moor ls ${target.host}" lists its windows`);
  return { window, pane, rules };
}

// The session's panes and the screen of the pane the target names (its current window's active pane), in ONE call;
// a missing session or window is left to the plain list, whose messages say which.
async function listWithLikelyScreen(
  run: TmuxRunner,
  target: SessionTarget,
): Promise<{ output: string; screens: Map<string, string[]> }> {
  const nonce = captureNonce();
  try {
    const chained = await run(
      sessionPanesWithScreenArgv(target.session, paneTarget(target.session, target.window), nonce),
    );
    const { list, captures } = splitListing(chained, nonce);
    return { output: list, screens: parsePaneCaptures(captures) };
  } catch (error) {
    if (!(error instanceof MoorError && error.exitCode === ExitCode.notFound)) throw error;
    return { output: await run(sessionPanesArgv(target.session)), screens: new Map() };
  }
}

// moor status, and for anyone who needs one target's state now (moor new --prompt): ONE call with the session's
// panes and the likely pane's screen; a second capture only when the pane that decides is another (an agent in a
// window that is not the current one). The state engine's verdict with its evidence.
export async function readSessionState(
  run: TmuxRunner,
  target: SessionTarget,
  options: ReadStateOptions = {},
): Promise<SessionStateReport> {
  const label = formatTarget(target);
  const { output, screens: likely } = await listWithLikelyScreen(run, target);
  const { window, pane, rules } = pickPane(output, target, label, options);
  const screens = pane.dead || likely.has(pane.id) ? likely : await captureScreens(run, [pane.id]);
  const screen = pane.dead ? undefined : screens.get(pane.id);
  const tracker = new StateTracker(
    rules,
    options.idleAfterSeconds === undefined ? {} : { idleAfterSeconds: options.idleAfterSeconds },
  );
  const state = tracker.observe(pane.id, { ...paneObservation(pane, window), screen }, (options.nowMs ?? Date.now)());
  return {
    target: label,
    state,
    pane: { id: pane.id, command: pane.command, title: pane.title, window: window.name },
    screen: screen ?? [],
    question: state.state === "asking" ? questionOf(rules, state.agent, screen ?? []) : undefined,
  };
}
