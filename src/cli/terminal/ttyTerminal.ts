import type { AttachTerminal, OutageNotice } from "../../core/attach/ports.js";
import { usageError } from "../../errors.js";
import { bannerSequence, bannerText, clearBannerSequence } from "./banner.js";
import { SequenceBoundary } from "./sequenceBoundary.js";
import { AFTER_CLEAN_EXIT, AFTER_LOST_CLIENT } from "./ttyModes.js";

/** What is needed of process.stdin and process.stdout (fakes in tests). */
export interface TtyInput extends NodeJS.EventEmitter {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  resume(): unknown;
  pause(): unknown;
}
export interface TtyOutput extends NodeJS.EventEmitter {
  isTTY?: boolean;
  rows?: number;
  columns?: number;
  write(data: string | Uint8Array): boolean;
}

// The local terminal during an attach: raw keys in, the remote's bytes out, a banner that never lands
// inside an escape sequence, and the terminal put back however moor ends (even on process exit).
export class TtyTerminal implements AttachTerminal {
  readonly term: string;
  readonly #input: TtyInput;
  readonly #output: TtyOutput;
  readonly #boundary = new SequenceBoundary();
  #raw = false;
  /** Whether a tmux client drew anything: only then can it have left modes to undo. */
  #drawn = false;
  readonly #onExit = (): void => this.restore(false);

  private constructor(input: TtyInput, output: TtyOutput, env: NodeJS.ProcessEnv) {
    this.#input = input;
    this.#output = output;
    this.term = env.TERM !== undefined && env.TERM !== "" && env.TERM !== "dumb" ? env.TERM : "xterm-256color";
  }

  /** Refuses (exit 2) unless both standard input and output are a terminal. */
  static open(input: TtyInput, output: TtyOutput, env: NodeJS.ProcessEnv): TtyTerminal {
    if (!input.isTTY || !output.isTTY || typeof input.setRawMode !== "function") {
      throw usageError(
        "moor attach needs a terminal: standard input and output must be a TTY",
        `"moor peek HOST:SESSION" prints the pane without one`,
      );
    }
    return new TtyTerminal(input, output, env);
  }

  /** True between start() and restore(): nothing else may write to the screen then. */
  get raw(): boolean {
    return this.#raw;
  }

  size(): { rows: number; cols: number } {
    return { rows: this.#output.rows ?? 24, cols: this.#output.columns ?? 80 };
  }

  start(): void {
    if (this.#raw) return;
    this.#input.setRawMode?.(true);
    this.#input.resume();
    this.#raw = true;
    process.once("exit", this.#onExit);
  }

  beginStream(): void {
    this.#boundary.reset();
  }

  write(chunk: Buffer): void {
    const ready = this.#boundary.take(chunk);
    if (ready.length === 0) return;
    this.#drawn = true;
    this.#output.write(ready);
  }

  onInput(listener: (data: Buffer) => void): () => void {
    this.#input.on("data", listener);
    return () => this.#input.off("data", listener);
  }

  onResize(listener: () => void): () => void {
    this.#output.on("resize", listener);
    return () => this.#output.off("resize", listener);
  }

  showBanner(notice: OutageNotice): void {
    const { rows, cols } = this.size();
    this.#output.write(bannerSequence(bannerText(notice), rows, cols));
  }

  clearBanner(): void {
    this.#output.write(clearBannerSequence(this.size().rows));
  }

  restore(clean: boolean): void {
    if (!this.#raw) return;
    this.#raw = false;
    process.off("exit", this.#onExit);
    this.#output.write(clean || !this.#drawn ? AFTER_CLEAN_EXIT : AFTER_LOST_CLIENT);
    this.#input.setRawMode?.(false);
    this.#input.pause();
  }
}
