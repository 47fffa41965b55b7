import { ExitCode, MoorError } from "../../errors.js";
import { listPanesArgv } from "../../tmux/list.js";
import { capturePanesArgv, parsePaneCaptures } from "../../tmux/paneLines.js";
import type { TmuxRunner } from "./listHosts.js";
import { summarizeSessions, type SessionSummary } from "./sessionSummary.js";
import type { WatchedSession } from "./watchTypes.js";

export interface PollerOptions {
  host: string;
  run: TmuxRunner;
  /** Only these sessions (moor watch HOST:SESSION); all when absent. */
  only?: ReadonlySet<string>;
  nowMs: () => number;
  /** How many of a pane's last lines are kept for peek. */
  keepLines: number;
  idleAfterSeconds?: number;
}

interface Captured {
  activity: number;
  lines: string[];
}

// One host's polling: ONE list-panes per poll, plus ONE chained capture only when a headline pane printed
// since it was last captured. Polls never overlap; a refused login stops polling (no hammering sshd).
export class HostPoller {
  sessions: WatchedSession[] = [];
  polled = false;
  error: string | undefined;
  #captured = new Map<string, Captured>();
  #busy = false;
  #stopped = false;

  constructor(private readonly options: PollerOptions) {}

  get busy(): boolean {
    return this.#busy;
  }

  /** Resolves once the poll ended; false when it did not run (one is in flight, or polling stopped). */
  async poll(): Promise<boolean> {
    if (this.#busy || this.#stopped) return false;
    this.#busy = true;
    try {
      const output = await this.options.run(listPanesArgv());
      const now = Math.floor(this.options.nowMs() / 1000);
      const summaries = summarizeSessions(output, this.options.host, { now, ...(this.options.idleAfterSeconds === undefined ? {} : { idleAfterSeconds: this.options.idleAfterSeconds }) });
      const wanted = summaries.filter((session) => this.options.only?.has(session.name) ?? true);
      await this.#captureChanged(wanted);
      this.sessions = wanted.map((session) => this.#withLines(session));
      this.polled = true;
      this.error = undefined;
    } catch (error) {
      this.#fail(error);
    } finally {
      this.#busy = false;
    }
    return true;
  }

  async #captureChanged(sessions: readonly SessionSummary[]): Promise<void> {
    const changed = sessions.filter((session) => this.#captured.get(session.paneId)?.activity !== session.paneActivity);
    const live = new Set(sessions.map((session) => session.paneId));
    for (const id of this.#captured.keys()) if (!live.has(id)) this.#captured.delete(id);
    if (changed.length === 0) return;
    let screens: Map<string, string[]>;
    try {
      screens = parsePaneCaptures(await this.options.run(capturePanesArgv(changed.map((session) => session.paneId))), this.options.keepLines);
    } catch (error) {
      // A pane closed between the two calls: keep the old lines, the next poll captures again.
      if (error instanceof MoorError && error.exitCode === ExitCode.notFound) return;
      throw error;
    }
    for (const session of changed) {
      const lines = screens.get(session.paneId);
      if (lines !== undefined) this.#captured.set(session.paneId, { activity: session.paneActivity, lines });
    }
  }

  #withLines(session: SessionSummary): WatchedSession {
    const lines = this.#captured.get(session.paneId)?.lines ?? [];
    return { ...session, lines, line: lines.at(-1) ?? "" };
  }

  #fail(error: unknown): void {
    const exitCode = error instanceof MoorError ? error.exitCode : ExitCode.remote;
    // A dropped or unreachable link is shown by the link's own state.
    if (exitCode === ExitCode.unreachable) return;
    this.error = error instanceof Error ? error.message : String(error);
    if (exitCode === ExitCode.auth) this.#stopped = true;
  }
}
