import { ExitCode, MoorError } from "../../errors.js";
import type { StateTracker } from "../../state/index.js";
import { capturePanesArgv, parsePaneCaptures } from "../../tmux/paneLines.js";
import type { TmuxRunner } from "./listHosts.js";
import type { SessionSummary } from "./sessionSummary.js";

// The sessions with their states decided by the tracker, each from its state pane's screen when it was captured.
export function withScreens(
  sessions: readonly SessionSummary[],
  screens: ReadonlyMap<string, readonly string[]>,
  tracker: StateTracker,
  nowMs: number,
): SessionSummary[] {
  return sessions.map((session) => ({
    ...session,
    state: tracker.observe(session.paneId, { ...session.observation, screen: screens.get(session.paneId) }, nowMs),
  }));
}

// The visible screens of these panes in one invocation; a pane that closed meanwhile is simply not there.
export async function captureScreens(run: TmuxRunner, paneIds: readonly string[]): Promise<Map<string, string[]>> {
  if (paneIds.length === 0) return new Map();
  try {
    return parsePaneCaptures(await run(capturePanesArgv(paneIds)));
  } catch (error) {
    if (error instanceof MoorError && error.exitCode === ExitCode.notFound) return new Map();
    throw error;
  }
}
