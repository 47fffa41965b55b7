import type { SessionSummary } from "./sessionSummary.js";

// The screens read of one host's state panes, kept so that the next listing captures only the panes that printed
// or changed title since: with nothing changing, a listing is one list-panes per host. The live view's poller keeps
// one per host (hostPoller.ts), and so does the background holder for the ls it serves. A screen read within a
// second of the pane's last output may miss some of it (window_activity counts whole seconds), so it is read again
// next time ("unsettled").

interface Remembered {
  activity: number;
  title: string;
  lines: string[];
  settled: boolean;
}

// window_activity counts whole seconds of the remote's clock: output in the second of a capture (or the one
// before, for a clock a little ahead of the laptop's) may not be on it.
function settledAt(activity: number, requestedAtMs: number): boolean {
  return activity < Math.floor(requestedAtMs / 1000) - 1;
}

export class ScreenMemory {
  readonly #screens = new Map<string, Remembered>();

  /** The state pane's screen as last read, when nothing has changed on it since. */
  unchanged(session: SessionSummary): string[] | undefined {
    const remembered = this.#screens.get(session.paneId);
    return remembered?.settled &&
      remembered.activity === session.paneActivity &&
      remembered.title === session.observation.title
      ? remembered.lines
      : undefined;
  }

  /** The last screen read of a pane, changed since or not. */
  lines(paneId: string): string[] | undefined {
    return this.#screens.get(paneId)?.lines;
  }

  /** Panes whose last read may have missed output: worth reading again with the next list. */
  unsettled(): string[] {
    return [...this.#screens].filter(([, remembered]) => !remembered.settled).map(([id]) => id);
  }

  forget(paneIds: readonly string[]): void {
    for (const id of paneIds) this.#screens.delete(id);
  }

  /** Panes no longer listed are forgotten. */
  keepOnly(sessions: readonly SessionSummary[]): void {
    const live = new Set(sessions.map((session) => session.paneId));
    for (const id of this.#screens.keys()) if (!live.has(id)) this.#screens.delete(id);
  }

  /** The screens read by one capture, requested at requestedAtMs. */
  remember(
    sessions: readonly SessionSummary[],
    screens: ReadonlyMap<string, readonly string[]>,
    requestedAtMs: number,
  ): void {
    for (const session of sessions) {
      const lines = screens.get(session.paneId);
      if (lines === undefined) continue;
      this.#screens.set(session.paneId, {
        activity: session.paneActivity,
        title: session.observation.title,
        lines: [...lines],
        settled: settledAt(session.paneActivity, requestedAtMs),
      });
    }
  }
}
