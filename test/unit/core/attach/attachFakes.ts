import { EventEmitter } from "node:events";
import { PassThrough } from "node:stream";
import type { AttachTerminal, OutageNotice } from "../../../../src/core/attach/ports.js";
import type { AttachLink } from "../../../../src/link/linkSlices.js";
import type { LinkState } from "../../../../src/link/linkState.js";
import type { ChannelExit, PtyOptions, RemoteChannel } from "../../../../src/link/types.js";

// A remote tmux client that the test drives: what it printed, what it was sent, how it ends.
export class FakeChannel implements RemoteChannel {
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  readonly stdin = new PassThrough();
  readonly exit: Promise<ChannelExit>;
  readonly typed: string[] = [];
  readonly resizes: [number, number][] = [];
  closed = false;
  #end!: (exit: ChannelExit) => void;

  constructor(
    readonly argv: readonly string[],
    readonly pty: PtyOptions | undefined,
  ) {
    this.exit = new Promise((resolve) => (this.#end = resolve));
    this.stdin.on("data", (chunk: Buffer) => this.typed.push(chunk.toString()));
  }

  print(text: string): void {
    this.stdout.write(text);
  }

  /** tmux exits: its last words, then an exit status. */
  finish(code: number, text = ""): void {
    if (text) this.print(text);
    setImmediate(() => this.#end({ code }));
  }

  /** The channel is cut off: closed without an exit status. */
  cut(): void {
    this.#end({ code: null });
  }

  resize(rows: number, cols: number): void {
    this.resizes.push([rows, cols]);
  }

  close(): void {
    this.closed = true;
    this.#end({ code: null });
  }
}

// A link whose state the test sets; each open() hands out a new FakeChannel (or waits while held).
export class FakeLink implements AttachLink {
  readonly label = "box";
  readonly events = new EventEmitter<{ state: [LinkState] }>();
  readonly channels: FakeChannel[] = [];
  state: LinkState = { kind: "up", since: 0 };
  #held: (() => void)[] = [];
  hold = false;

  setState(state: LinkState): void {
    this.state = state;
    this.events.emit("state", state);
    if (state.kind === "up") for (const release of this.#held.splice(0)) release();
  }

  async open(argv: readonly string[], options: { pty?: PtyOptions }): Promise<RemoteChannel> {
    if (this.hold || this.state.kind !== "up") await new Promise<void>((resolve) => this.#held.push(resolve));
    const channel = new FakeChannel(argv, options.pty);
    this.channels.push(channel);
    return channel;
  }

  /** Waits until the nth channel (1-based) has been opened. */
  async opened(count: number): Promise<FakeChannel> {
    for (let i = 0; i < 100 && (i === 0 || this.channels.length < count); i++)
      await new Promise((resolve) => setImmediate(resolve));
    const channel = this.channels[count - 1];
    if (!channel) throw new Error(`channel ${count} was never opened`);
    return channel;
  }
}

// A terminal that records everything written to it, the banners shown and its mode.
export class FakeTerminal implements AttachTerminal {
  readonly term = "xterm-kitty";
  readonly input = new EventEmitter<{ data: [Buffer]; resize: [] }>();
  rows = 30;
  cols = 100;
  output = "";
  banners: OutageNotice[] = [];
  bannerShown = false;
  mode: "cooked" | "raw" = "cooked";
  restoredClean: boolean | undefined;
  streams = 0;

  size(): { rows: number; cols: number } {
    return { rows: this.rows, cols: this.cols };
  }
  start(): void {
    this.mode = "raw";
  }
  beginStream(): void {
    this.streams++;
  }
  write(chunk: Buffer): void {
    this.output += chunk.toString();
  }
  onInput(listener: (data: Buffer) => void): () => void {
    this.input.on("data", listener);
    return () => this.input.off("data", listener);
  }
  onResize(listener: () => void): () => void {
    this.input.on("resize", listener);
    return () => this.input.off("resize", listener);
  }
  showBanner(notice: OutageNotice): void {
    this.banners.push(notice);
    this.bannerShown = true;
  }
  clearBanner(): void {
    this.bannerShown = false;
  }
  restore(clean: boolean): void {
    this.mode = "cooked";
    this.restoredClean = clean;
  }
  type(text: string): void {
    this.input.emit("data", Buffer.from(text));
  }
}

export const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
