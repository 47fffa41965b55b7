import type { Clock } from "../../clock.js";
import type { HostWatch } from "../../core/overview/watchHosts.js";
import type { WatchSnapshot } from "../../core/overview/watchTypes.js";
import type { Style } from "../render/style.js";
import { renderFrame } from "./frame.js";
import { inboxOrder } from "./inboxOrder.js";
import { applyKey, parseKeys } from "./keys.js";
import type { QuestionOf } from "./questionPanel.js";
import { replyInput } from "./replyLine.js";
import type { Choice } from "../../state/question.js";
import { sessionKey } from "./viewState.js";
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
  /** Reads an asking session's question (its agent's dialog rule); absent: no question panel, no answer keys. */
  questionOf?: QuestionOf;
  /** Answers TARGET's question as moor answer does, refused when it is no longer QUESTION_ID; says what was done. */
  answer?: (target: string, choice: Choice, questionId: string | undefined) => Promise<string>;
  /** Sends a reply as moor send does, or queues it when the host is dark; says which. */
  reply?: (target: string, text: string) => Promise<string>;
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
    this.#latest = inboxOrder(snapshot);
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
          ...(this.deps.questionOf ? { questionOf: this.deps.questionOf } : {}),
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
    if (this.#view.reply !== undefined) return this.#onReplyInput(data);
    for (const key of parseKeys(data)) {
      const { message: _cleared, ...view } = this.#view;
      const result = applyKey(this.#latest, view, key);
      this.#view = result.view;
      if (result.quit) return this.finish();
      if (result.attach !== undefined) return void this.#attach(result.attach);
      if (result.answer !== undefined) this.#answer(result.answer.target, result.answer.choice);
      if (this.#view.reply !== undefined && this.deps.reply === undefined) {
        const { reply: _none, ...rest } = this.#view;
        this.#view = { ...rest, message: "replies are not available here" };
      }
      if (this.#view.reply !== undefined) break;
    }
    this.#draw();
  }

  // While a reply is open every key goes to its line, until Enter sends it or Esc cancels.
  #onReplyInput(data: string): void {
    const { reply: current, ...view } = this.#view;
    if (current === undefined) return;
    const step = replyInput(current, data);
    if ("reply" in step) this.#view = { ...view, reply: step.reply };
    else if ("cancel" in step) this.#view = { ...view, message: "reply cancelled" };
    else {
      const { target, text } = step.send;
      this.#view = { ...view, message: `sending to ${target}…` };
      this.#act(this.deps.reply?.(target, text));
    }
    this.#draw();
  }

  // 1–9/y/n/Esc on an asking session: answered as moor answer does, checking the question is still the one shown.
  #answer(target: string, choice: Choice): void {
    const session = this.#latest.hosts
      .flatMap((host) => host.sessions.filter((candidate) => sessionKey(host.host, candidate.name) === target))
      .at(0);
    const question = session === undefined ? undefined : this.deps.questionOf?.(session);
    if (this.deps.answer === undefined) {
      this.#view = { ...this.#view, message: "answering is not available here" };
      return;
    }
    this.#view = { ...this.#view, message: `answering ${String(choice)} on ${target}…` };
    this.#act(this.deps.answer(target, choice, question?.id));
  }

  // What an answer or a reply did (or why it failed) becomes the status line once it is known.
  #act(done: Promise<string> | undefined): void {
    void done
      ?.catch((error: unknown) => (error instanceof Error ? error.message : String(error)))
      .then((message) => {
        if (this.#finished) return;
        this.#view = { ...this.#view, message };
        this.#draw();
      });
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
