import { MoorError, notFoundError, timedOutError, usageError, type ExitCode } from "../../errors.js";
import type { Clock } from "../../clock.js";
import type { SessionState, TrackedState } from "../../state/index.js";
import type { HostWatch } from "../overview/watchHosts.js";
import { isStale, type HostView, type WatchSnapshot } from "../overview/watchTypes.js";
import { formatTarget, type SessionTarget } from "../target.js";

// What moor wait waits for when --for is not given: the states where the session needs its user.
export const DEFAULT_WAIT_STATES: readonly SessionState[] = ["asking", "waiting", "exited", "shell"];

export interface WaitOptions {
  targets: readonly SessionTarget[];
  states: readonly SessionState[];
  clock: Clock;
  /** Give up after this long (exit 7); waits for ever when absent. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Starts the live view's engine over the targets' hosts (startWatch in moor, watchHosts over fakes in tests). */
  start: (onChange: (snapshot: WatchSnapshot) => void) => HostWatch;
}

export interface WaitResult {
  /** The target as HOST:SESSION[:WINDOW]. */
  target: string;
  state: TrackedState;
  stale: boolean;
}

// The target's state in a host's current picture; undefined when its session (or window) is not there.
function stateOf(host: HostView, target: SessionTarget): TrackedState | undefined {
  const session = host.sessions.find((candidate) => candidate.name === target.session);
  if (!session || target.window === undefined) return session?.state;
  const window = session.windows.find(
    (candidate) => candidate.name === target.window || String(candidate.index) === target.window,
  );
  if (!window) return undefined;
  // The session's state pane, when it is in this window, has the state read from its screen.
  if (window.panes.some((pane) => pane.id === session.paneId)) return session.state;
  return window.panes[0]?.state;
}

// When every target's host has failed for good (a refused key, a changed host key), no state can ever come:
// moor wait ends with that failure's exit code, as watch --json does.
function everyTargetFailed(snapshot: WatchSnapshot, targets: readonly SessionTarget[]): MoorError | undefined {
  const links = targets.map((target) => snapshot.hosts.find((view) => view.host === target.host)?.link);
  const first = links[0];
  if (first?.kind !== "failed" || !links.every((link) => link?.kind === "failed")) return undefined;
  return new MoorError(`${targets[0]?.host ?? ""}: ${first.reason}`, first.exitCode as ExitCode);
}

// moor wait's use case: the live view's engine (reconnecting links, the state tracker) until a target is in a
// wanted state. A host that is down keeps it waiting; a session missing from a host that answered is exit 5.
export function waitForState(options: WaitOptions): Promise<WaitResult> {
  const { targets, clock } = options;
  const wanted = new Set(options.states);
  if (targets.length === 0) return Promise.reject(usageError("moor wait needs a target: HOST:SESSION"));
  return new Promise<WaitResult>((resolve, reject) => {
    let done = false;
    const running: { watch?: HostWatch } = {};
    const cleanups: (() => void)[] = [];
    const finish = (settle: () => void): void => {
      if (done) return;
      done = true;
      cleanups.forEach((cleanup) => cleanup());
      running.watch?.stop();
      settle();
    };
    const onChange = (snapshot: WatchSnapshot): void => {
      if (done) return;
      const failure = everyTargetFailed(snapshot, targets);
      if (failure) return finish(() => reject(failure));
      for (const target of targets) {
        const host = snapshot.hosts.find((view) => view.host === target.host);
        if (!host?.polled || isStale(host)) continue;
        const state = stateOf(host, target);
        const text = formatTarget(target);
        if (state === undefined) {
          const what =
            target.window === undefined
              ? `session "${target.session}"`
              : `window "${target.window}" of session "${target.session}"`;
          finish(() =>
            reject(notFoundError(`${target.host}: no ${what}`, `"moor ls ${target.host}" lists its sessions`)),
          );
          return;
        }
        if (wanted.has(state.state)) {
          finish(() => resolve({ target: text, state, stale: false }));
          return;
        }
      }
    };
    if (options.timeoutMs !== undefined) {
      const timeoutMs = options.timeoutMs;
      const started = clock.now();
      const stopTimer = clock.every(Math.min(timeoutMs, 250), () => {
        if (clock.now() - started < timeoutMs) return;
        const names = targets.map(formatTarget).join(", ");
        finish(() =>
          reject(timedOutError(`timed out after ${timeoutMs / 1000} s: ${names} not ${[...wanted].join(" or ")}`)),
        );
      });
      cleanups.push(stopTimer);
    }
    if (options.signal) {
      const signal = options.signal;
      const onAbort = (): void =>
        finish(() => reject(signal.reason instanceof Error ? signal.reason : new Error("moor wait was stopped")));
      if (signal.aborted) return void onAbort();
      signal.addEventListener("abort", onAbort, { once: true });
      cleanups.push(() => signal.removeEventListener("abort", onAbort));
    }
    const watch = options.start(onChange);
    running.watch = watch;
    if (done) watch.stop();
    else onChange(watch.snapshot());
  });
}
