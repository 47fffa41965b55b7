import { ExitCode, MoorError } from "../../errors.js";
import { agentRules, StateTracker, type AgentRules } from "../../state/index.js";
import { listPanesArgv } from "../../tmux/list.js";
import { captureNonce, listWithScreensArgv, parsePaneCaptures, splitListing } from "../../tmux/paneLines.js";
import type { TmuxRunner } from "./listHosts.js";
import { captureScreens, withScreens } from "./sessionStates.js";
import { summarizeSessions, type SessionSummary } from "./sessionSummary.js";
import type { WatchedSession } from "./watchTypes.js";
import { ScreenMemory } from "./screenMemory.js";

export interface PollerOptions {
  host: string;
  run: TmuxRunner;
  /** Only these sessions (moor watch HOST:SESSION); all when absent. */
  only?: ReadonlySet<string>;
  nowMs: () => number;
  /** How many of a pane's last lines are kept for peek. */
  keepLines: number;
  idleAfterSeconds?: number;
  rules?: AgentRules;
  debounceMs?: number;
}

// One host's polling: ONE invocation per poll in steady state — list-panes, with the screens of the state panes
// that were changing at the last poll chained after it — and a second one only for panes that began to change.
// Each state pane's state comes from the state tracker. Polls never overlap; a refused login stops polling.
export class HostPoller {
  sessions: WatchedSession[] = [];
  polled = false;
  error: string | undefined;
  /** Epoch ms of the last successful poll. */
  lastContact: number | undefined;
  /** tmux invocations so far (for the benchmark's count per poll). */
  invocations = 0;
  #screens = new ScreenMemory();
  #tracker: StateTracker;
  #busy = false;
  #stopped = false;

  constructor(private readonly options: PollerOptions) {
    this.#tracker = new StateTracker(options.rules ?? agentRules(), {
      ...(options.idleAfterSeconds === undefined ? {} : { idleAfterSeconds: options.idleAfterSeconds }),
      ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
    });
  }

  get busy(): boolean {
    return this.#busy;
  }

  /** A screen was read so soon after the pane's output that it may have missed some: worth reading again. */
  get unsettled(): boolean {
    return this.#screens.unsettled().length > 0;
  }

  /** A state was read that the debounce holds back: poll again after this many ms to confirm it. */
  get confirmAfterMs(): number | undefined {
    return this.sessions.some((session) => this.#tracker.pending(session.paneId))
      ? this.#tracker.debounceMs
      : undefined;
  }

  /** Resolves once the poll ended; false when it did not run (one is in flight, or polling stopped). */
  async poll(): Promise<boolean> {
    if (this.#busy || this.#stopped) return false;
    this.#busy = true;
    try {
      const requestedAt = this.options.nowMs();
      const { list, screens } = await this.#listWithHotScreens();
      const now = this.options.nowMs();
      const summaries = summarizeSessions(list, this.options.host, {
        now: Math.floor(now / 1000),
        ...this.#stateOptions(),
      });
      const wanted = summaries.filter((session) => this.options.only?.has(session.name) ?? true);
      const fresh = await this.#captureChanged(wanted, screens, requestedAt);
      this.#tracker.keepOnly(new Set(wanted.map((session) => session.paneId)));
      this.sessions = withScreens(wanted, fresh, this.#tracker, now).map((session) => this.#withLines(session));
      this.polled = true;
      this.lastContact = now;
      this.error = undefined;
    } catch (error) {
      this.#fail(error);
    } finally {
      this.#busy = false;
    }
    return true;
  }

  #stateOptions() {
    return {
      ...(this.options.rules ? { rules: this.options.rules } : {}),
      ...(this.options.idleAfterSeconds === undefined ? {} : { idleAfterSeconds: this.options.idleAfterSeconds }),
    };
  }

  async #run(argv: readonly string[]): Promise<string> {
    this.invocations++;
    return await this.options.run(argv);
  }

  // The pane list, and the screens of the panes that were changing, in one call; a pane gone since makes tmux
  // refuse the whole call, and then the list comes alone.
  async #listWithHotScreens(): Promise<{ list: string; screens: Map<string, string[]> }> {
    const hot = this.#screens.unsettled();
    if (hot.length > 0) {
      try {
        const nonce = captureNonce();
        const { list, captures } = splitListing(await this.#run(listWithScreensArgv(hot, nonce)), nonce);
        return { list, screens: parsePaneCaptures(captures) };
      } catch (error) {
        if (!(error instanceof MoorError && error.exitCode === ExitCode.notFound)) throw error;
        this.#screens.forget(hot);
      }
    }
    return { list: await this.#run(listPanesArgv()), screens: new Map() };
  }

  // Screens read this poll: those chained to the list, plus one call for state panes that changed (output, title)
  // since their last capture and were not in it.
  async #captureChanged(
    sessions: readonly SessionSummary[],
    chained: Map<string, string[]>,
    requestedAt: number,
  ): Promise<Map<string, string[]>> {
    this.#screens.keepOnly(sessions);
    const changed = sessions.filter(
      (session) =>
        !chained.has(session.paneId) && !session.observation.dead && this.#screens.unchanged(session) === undefined,
    );
    const laterAt = this.options.nowMs();
    const later = await captureScreens(
      (argv) => this.#run(argv),
      changed.map((session) => session.paneId),
    );
    this.#screens.remember(sessions, chained, requestedAt);
    this.#screens.remember(sessions, later, laterAt);
    return new Map([...chained, ...later]);
  }

  #withLines(session: SessionSummary): WatchedSession {
    const screen = this.#screens.lines(session.paneId) ?? [];
    const lines = [...trimBlank(screen).slice(-this.options.keepLines)];
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

// Screen rows without the blank ones at the top (the rows below the text are already gone).
function trimBlank(rows: readonly string[]): readonly string[] {
  const first = rows.findIndex((row) => row.trim() !== "");
  return first === -1 ? [] : rows.slice(first);
}
