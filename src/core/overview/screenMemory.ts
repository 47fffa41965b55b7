import type { SessionSummary } from "./sessionSummary.js";

// The screens a long-lived process (the background holder) read of one host's state panes, so that the next ls
// captures only the panes that printed or changed title since: with nothing changing, ls is one list-panes per
// host, as the live view's poller is (hostPoller.ts). A screen read within a second of the pane's last output may
// miss some of it (window_activity counts whole seconds), so it is read again next time.

interface Remembered {
  activity: number;
  title: string;
  lines: string[];
  settled: boolean;
}

// window_activity counts whole seconds of the remote's clock: output in the second of a capture (or the one
// before, for a clock a little ahead of the laptop's) may not be on it.
export function settledAt(activity: number, requestedAtMs: number): boolean {
  return activity < Math.floor(requestedAtMs / 1000) - 1;
}

export class ScreenMemory {
  readonly #screens = new Map<string, Remembered>();

  /** The state pane's screen as last read, when nothing has changed on it since. */
  unchanged(session: SessionSummary): string[] | undefined {
    const remembered = this.#screens.get(session.paneId);
    return remembered?.settled && remembered.activity === session.paneActivity && remembered.title === session.observation.title ? remembered.lines : undefined;
  }

  /** What this listing read (requested at requestedAtMs); panes no longer listed are forgotten. */
  keep(sessions: readonly SessionSummary[], screens: ReadonlyMap<string, readonly string[]>, requestedAtMs: number): void {
    const live = new Set(sessions.map((session) => session.paneId));
    for (const id of this.#screens.keys()) if (!live.has(id)) this.#screens.delete(id);
    for (const session of sessions) {
      const lines = screens.get(session.paneId);
      if (lines === undefined || this.unchanged(session) !== undefined) continue;
      this.#screens.set(session.paneId, { activity: session.paneActivity, title: session.observation.title, lines: [...lines], settled: settledAt(session.paneActivity, requestedAtMs) });
    }
  }
}
