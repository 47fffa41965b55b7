import { PassThrough } from "node:stream";
import { ExitCode, MoorError } from "../../../../src/errors.js";
import type { FollowLink } from "../../../../src/link/linkSlices.js";
import type { ChannelExit, ExecResult, RemoteChannel } from "../../../../src/link/types.js";

// One `tail -c +N -F` on the fake remote: it has "sent" everything from `position` on, but bytes only arrive when
// the test says so; a drop loses whatever had not arrived yet.
export class FakeTailChannel implements RemoteChannel {
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  readonly stdin = new PassThrough();
  readonly exit: Promise<ChannelExit>;
  closed = false;
  #settle: (exit: ChannelExit) => void = () => undefined;

  constructor(
    private readonly remote: FakeLogRemote,
    public position: number,
  ) {
    this.exit = new Promise((resolve) => (this.#settle = resolve));
  }

  get pending(): number {
    return Math.max(0, this.remote.file.length - this.position);
  }

  /** Up to `bytes` of what tail has sent arrive, as one chunk. */
  deliver(bytes = Number.POSITIVE_INFINITY): void {
    const end = Math.min(this.remote.file.length, this.position + bytes);
    if (end > this.position) this.stdout.write(this.remote.file.subarray(this.position, end));
    this.position = end;
  }

  /** The link dies: no exit status, and what was in flight never arrives. */
  drop(): void {
    this.#end({ code: null });
  }

  fail(code: number, message: string): void {
    this.stderr.write(message);
    this.#end({ code });
  }

  resize(): void {}

  close(): void {
    this.closed = true;
    this.#end({ code: null, signal: "TERM" });
  }

  #end(exit: ChannelExit): void {
    this.stdout.end();
    this.stderr.end();
    this.stdout.once("end", () => this.#settle(exit));
    this.stdout.resume();
  }
}

// A remote with one growing log file, reached through a link the test can take down.
export class FakeLogRemote implements FollowLink {
  readonly label = "box";
  file = Buffer.alloc(0);
  down = false;
  readonly opens: string[][] = [];
  readonly execs: string[][] = [];
  readonly channels: FakeTailChannel[] = [];

  append(data: string | Buffer): void {
    this.file = Buffer.concat([this.file, Buffer.from(data)]);
  }

  get channel(): FakeTailChannel | undefined {
    return this.channels.at(-1);
  }

  exec(argv: readonly string[]): Promise<ExecResult> {
    if (this.down) return Promise.reject(unreachable());
    this.execs.push([...argv]);
    const window = Number(argv.at(-1));
    const from = Math.max(0, this.file.length - window);
    const stdout = Buffer.concat([Buffer.from(`${String(this.file.length)}\n`), this.file.subarray(from)]);
    return Promise.resolve({ stdout, stderr: Buffer.alloc(0), code: 0 });
  }

  open(argv: readonly string[]): Promise<RemoteChannel> {
    if (this.down) return Promise.reject(unreachable());
    this.opens.push([...argv]);
    const start = /^\+(\d+)$/.exec(argv[2] ?? "");
    if (argv[0] !== "tail" || start === null) return Promise.reject(new Error(`unexpected ${argv.join(" ")}`));
    const channel = new FakeTailChannel(this, Number(start[1]) - 1);
    this.channels.push(channel);
    return Promise.resolve(channel);
  }
}

function unreachable(): MoorError {
  return new MoorError("the link to box dropped", ExitCode.unreachable);
}

// Lets streams and promise chains run.
export async function settle(rounds = 5): Promise<void> {
  for (let round = 0; round < rounds; round++) await new Promise((resolve) => setImmediate(resolve));
}
