import type { RemoteChannel } from "../../link/types.js";
import type { AttachTerminal } from "./ports.js";

const TAIL_BYTES = 512;

// How one remote tmux client ended: with an exit status (detach, session gone, refusal), or not.
export type ChannelEnd =
  { kind: "exit"; code: number | null; signal?: string; tail: string } | { kind: "drop" } | { kind: "aborted" };

// One remote tmux client in a pseudo-terminal: its output goes to the terminal until it ends. A channel
// that closes without an exit status was cut off (a drop), not ended by tmux.
export class ChannelRun {
  readonly finished: Promise<ChannelEnd>;
  readonly #channel: RemoteChannel;
  #settle: ((end: ChannelEnd) => void) | undefined;
  #tail = "";
  readonly #onData: (chunk: Buffer) => void;

  constructor(channel: RemoteChannel, terminal: AttachTerminal) {
    this.#channel = channel;
    terminal.beginStream();
    this.#onData = (chunk) => {
      this.#tail = (this.#tail + chunk.toString("latin1")).slice(-TAIL_BYTES);
      terminal.write(chunk);
    };
    this.finished = new Promise((resolve) => (this.#settle = resolve));
    channel.stdout.on("data", this.#onData);
    channel.stderr.on("data", this.#onData);
    channel.stdin.on("error", () => undefined);
    void channel.exit.then(
      ({ code, signal }) =>
        this.#finish(
          code === null && signal === undefined
            ? { kind: "drop" }
            : { kind: "exit", code, ...(signal ? { signal } : {}), tail: this.#tail },
        ),
      () => this.#finish({ kind: "drop" }),
    );
  }

  get live(): boolean {
    return this.#settle !== undefined;
  }

  input(data: Buffer): void {
    if (this.live) this.#channel.stdin.write(data);
  }

  resize(rows: number, cols: number): void {
    if (this.live) this.#channel.resize(rows, cols);
  }

  /** tmux redraws every client whose terminal changed size: a 1-column nudge repaints the whole screen. */
  redraw(rows: number, cols: number): void {
    this.resize(rows, cols > 1 ? cols - 1 : cols + 1);
    this.resize(rows, cols);
  }

  /** The link is gone: stop waiting for a channel that may hang until the socket times out. */
  drop(): void {
    this.#finish({ kind: "drop" });
    this.#channel.close();
  }

  abort(): void {
    this.#finish({ kind: "aborted" });
    this.#channel.close();
  }

  #finish(end: ChannelEnd): void {
    const settle = this.#settle;
    if (!settle) return;
    this.#settle = undefined;
    this.#channel.stdout.off("data", this.#onData);
    this.#channel.stderr.off("data", this.#onData);
    settle(end);
  }
}
