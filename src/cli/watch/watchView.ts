import type { Clock } from "../../clock.js";
import type { HostWatch } from "../../core/overview/watchHosts.js";
import type { WatchSnapshot } from "../../core/overview/watchTypes.js";
import type { Style } from "../render/style.js";
import { renderFrame } from "./frame.js";
import { applyKey, parseKeys } from "./keys.js";
import { frameToAnsi, type ViewTerminal } from "./terminal.js";
import type { ViewState } from "./viewState.js";

export interface WatchViewDeps {
  terminal: ViewTerminal;
  clock: Clock;
  style: Style;
  timeOfDay: (ms: number) => string;
  /** Starts the engine; it calls back with each new snapshot. */
  start: (onChange: (snapshot: WatchSnapshot) => void) => HostWatch;
  /** Runs an interactive attach on the normal screen; resolves (with a problem, if any) once the user detached. */
  attach: (target: string) => Promise<string | undefined>;
}

// The running full-screen view: `done` settles once it has quit and the terminal is restored.
export interface RunningView {
  done: Promise<void>;
  quit(): void;
  /** Shows a one-line message (a notification channel that failed) without disturbing the view. */
  notice(message: string): void;
}

class WatchView {
  readonly done: Promise<void>;
  #view: ViewState = { peek: false };
  #latest: WatchSnapshot;
  #shown = "";
  #paused = false;
  #finished = false;
  #cleanups: (() => void)[] = [];
  #settle: { resolve: () => void; reject: (error: unknown) => void } = {
    resolve: () => undefined,
    reject: () => undefined,
  };

  constructor(private readonly deps: WatchViewDeps) {
    this.#latest = { at: deps.clock.now(), hosts: [] };
    this.done = new Promise((resolve, reject) => (this.#settle = { resolve, reject }));
  }

  start(): void {
    const { terminal, clock } = this.deps;
    try {
      terminal.enter();
      const watch = this.deps.start((snapshot) => this.#show(snapshot));
      this.#cleanups.push(
        () => watch.stop(),
        clock.every(1_000, () => this.#draw()),
        terminal.onInput((data) => this.#onInput(data)),
        terminal.onResize(() => this.#redraw()),
      );
      this.#show(watch.snapshot());
    } catch (error) {
      this.finish(error);
    }
  }

  finish(error?: unknown): void {
    if (this.#finished) return;
    this.#finished = true;
    for (const cleanup of this.#cleanups.splice(0).reverse()) cleanup();
    this.deps.terminal.leave();
    if (error === undefined) this.#settle.resolve();
    else this.#settle.reject(error);
  }

  #show(snapshot: WatchSnapshot): void {
    this.#latest = snapshot;
    this.#draw();
  }

  #redraw(): void {
    this.#shown = "";
    this.#draw();
  }

  #draw(): void {
    if (this.#paused || this.#finished) return;
    const { terminal, clock, style, timeOfDay } = this.deps;
    try {
      const frame = frameToAnsi(
        renderFrame(this.#latest, this.#view, {
          width: terminal.columns,
          height: terminal.rows,
          now: clock.now(),
          style,
          timeOfDay,
        }),
      );
      if (frame !== this.#shown) terminal.write(frame);
      this.#shown = frame;
    } catch (error) {
      this.finish(error);
    }
  }

  notice(message: string): void {
    this.#view = { ...this.#view, message };
    this.#draw();
  }

  #onInput(data: string): void {
    if (this.#paused) return;
    for (const key of parseKeys(data)) {
      const { message: _cleared, ...view } = this.#view;
      const result = applyKey(this.#latest, view, key);
      this.#view = result.view;
      if (result.quit) return this.finish();
      if (result.attach !== undefined) return void this.#attach(result.attach);
    }
    this.#draw();
  }

  // The view steps aside (normal screen, cooked input) while attach has the terminal, then comes back in full.
  async #attach(target: string): Promise<void> {
    this.#paused = true;
    this.deps.terminal.leave();
    const problem = await this.deps
      .attach(target)
      .catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
    if (this.#finished) return;
    this.deps.terminal.enter();
    this.#paused = false;
    if (problem !== undefined) this.#view = { ...this.#view, message: problem };
    this.#redraw();
  }
}

// The full-screen live view: redraws on every snapshot and every second (ages, countdowns), reacts to keys,
// and always gives the terminal back as it found it, whatever ends it.
export function runWatchView(deps: WatchViewDeps): RunningView {
  const view = new WatchView(deps);
  view.start();
  return { done: view.done, quit: () => view.finish(), notice: (message) => view.notice(message) };
}
