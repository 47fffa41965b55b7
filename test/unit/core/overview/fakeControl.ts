import { PassThrough } from "node:stream";
import type { ChannelLink } from "../../../../src/link/linkSlices.js";
import type { ChannelExit, RemoteChannel } from "../../../../src/ssh/types.js";
import { FakeLink } from "./fakeTmux.js";

export interface FakeReply {
  ok?: boolean;
  lines?: string[];
}

// The remote end of one tmux -C channel: answers each line the client writes, in order, with a %begin/%end (or
// %error) block numbered as tmux numbers them, and lets the test push notifications or end the client.
export class FakeControlChannel implements RemoteChannel {
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  readonly stdin = new PassThrough();
  readonly exit: Promise<ChannelExit>;
  readonly lines: string[] = [];
  closed = false;
  #number = 100;
  #exited!: (exit: ChannelExit) => void;
  #pendingInput = "";

  constructor(
    readonly argv: readonly string[],
    answer: (line: string) => FakeReply,
  ) {
    this.exit = new Promise((resolve) => (this.#exited = resolve));
    // tmux's own command line answers first (flags 0), as new-session ; set-option ; attach do.
    for (let index = 0; index < 3; index++) this.#block(0, { ok: true, lines: [] });
    this.stdin.on("data", (chunk: Buffer) => {
      this.#pendingInput += chunk.toString();
      const lines = this.#pendingInput.split("\n");
      this.#pendingInput = lines.pop() ?? "";
      for (const line of lines) {
        this.lines.push(line);
        this.#block(1, answer(line));
      }
    });
    this.stdin.on("finish", () => this.end());
  }

  push(line: string): void {
    this.stdout.write(`${line}\n`);
  }

  /** tmux says %exit and the channel closes. */
  end(): void {
    if (this.closed) return;
    this.push("%exit");
    this.close();
  }

  resize(): void {}

  close(): void {
    this.closed = true;
    this.#exited({ code: 0 });
  }

  #block(flags: number, reply: FakeReply): void {
    const guard = `1796552509 ${String(this.#number++)} ${String(flags)}`;
    const end = reply.ok === false ? "%error" : "%end";
    this.stdout.write([`%begin ${guard}`, ...(reply.lines ?? []), `${end} ${guard}`, ""].join("\n"));
  }
}

// A link whose channels are fake control clients, answering with `answer`.
export class FakeControlLink extends FakeLink implements ChannelLink {
  readonly label = "box";
  readonly channels: FakeControlChannel[] = [];
  answer: (line: string) => FakeReply = () => ({ ok: true, lines: [] });
  refuse: Error | undefined;

  open(argv: readonly string[]): Promise<RemoteChannel> {
    if (this.refuse) return Promise.reject(this.refuse);
    const channel = new FakeControlChannel(argv, (line) => this.answer(line));
    this.channels.push(channel);
    return Promise.resolve(channel);
  }

  get channel(): FakeControlChannel | undefined {
    return this.channels.at(-1);
  }
}
