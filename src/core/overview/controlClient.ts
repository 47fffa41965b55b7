import { hostUnreachableError } from "../../errors.js";
import type { ChannelLink } from "../../link/linkSlices.js";
import type { RemoteChannel } from "../../link/types.js";
import type { TmuxCommand } from "../../tmux/command.js";
import { controlClientArgv, controlLine } from "../../tmux/control/controlCommands.js";
import type { ControlEvent, ControlReply } from "../../tmux/control/controlEvents.js";
import { ControlParser } from "../../tmux/control/controlParser.js";
import { helperSessionName } from "../../tmux/control/helperSession.js";
import { tmuxFailure } from "../../tmux/stderr.js";

interface Waiting {
  resolve: (reply: ControlReply) => void;
  reject: (error: Error) => void;
}

export interface ControlClientHandlers {
  /** Every notification (not the replies to commands). */
  onEvent: (event: ControlEvent) => void;
  /** The client ended: tmux said %exit, the channel closed or the link dropped. Called once. */
  onEnd: (reason: string) => void;
}

// One tmux control-mode client on a host (tmux -C attached to moor's helper session, over one long-lived channel of
// the host's link): runs tmux commands inside the server, so no tmux process starts per command, and hands on what
// the server pushes. Each command is one line, and replies come in the order the lines were sent, so the n-th
// reply a line caused (flags 1) answers the n-th line; the blocks of tmux's own command line (flags 0) answer none.
export class ControlClient {
  readonly host: string;
  readonly #channel: RemoteChannel;
  readonly #parser = new ControlParser();
  readonly #waiting: Waiting[] = [];
  readonly #handlers: ControlClientHandlers;
  #ended: string | undefined;

  private constructor(host: string, channel: RemoteChannel, handlers: ControlClientHandlers) {
    this.host = host;
    this.#channel = channel;
    this.#handlers = handlers;
    channel.stdout.on("data", (chunk: Buffer) => {
      for (const event of this.#parser.push(chunk)) this.#receive(event);
    });
    channel.stdin.on("error", () => undefined);
    void channel.exit.then(
      () => this.#end("the tmux control client ended"),
      (error: unknown) => this.#end(error instanceof Error ? error.message : String(error)),
    );
  }

  /** Opens the channel and starts the client; its first reply (to a harmless command) says it is attached. */
  static async start(link: ChannelLink, handlers: ControlClientHandlers): Promise<ControlClient> {
    const channel = await link.open(controlClientArgv(helperSessionName()));
    const client = new ControlClient(link.label, channel, handlers);
    await client.run(["display-message", "-p", "moor"]);
    return client;
  }

  get ended(): boolean {
    return this.#ended !== undefined;
  }

  /** Runs one tmux command; resolves with its output lines, or rejects with tmux's words as moor's error. */
  async run(command: TmuxCommand): Promise<string[]> {
    const reply = await this.#send(command);
    if (reply.ok) return reply.lines;
    throw tmuxFailure(reply.lines.join("\n"), 1, {
      host: this.host,
      target: this.host,
      action: `running tmux ${command[0] ?? ""}`,
    });
  }

  /** Runs commands, one line each, all sent at once: stdout as one tmux client running their chain would print it.
   *  Unlike a chain (which stops at its first failure), every command runs; the first failure is thrown at the end. */
  async runAll(commands: readonly TmuxCommand[]): Promise<string> {
    const replies = await Promise.all(commands.map((command) => this.#send(command)));
    const failed = replies.find((reply) => !reply.ok);
    if (failed)
      throw tmuxFailure(failed.lines.join("\n"), 1, { host: this.host, target: this.host, action: "running tmux" });
    return replies.map((reply) => reply.lines.map((line) => `${line}\n`).join("")).join("");
  }

  /** Ends the client: its stdin closes, tmux detaches it, and the helper, unattached, is destroyed. */
  close(): void {
    this.#channel.stdin.end();
    this.#channel.close();
    this.#end("closed");
  }

  #send(command: TmuxCommand): Promise<ControlReply> {
    if (this.#ended !== undefined) return Promise.reject(this.#endedError(this.#ended));
    const line = controlLine(command);
    return new Promise<ControlReply>((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      this.#channel.stdin.write(`${line}\n`);
    });
  }

  #receive(event: ControlEvent): void {
    if (event.kind === "reply") {
      if (event.flags === 1) this.#waiting.shift()?.resolve(event);
      return;
    }
    this.#handlers.onEvent(event);
    if (event.kind === "exit") this.#end(event.reason === undefined ? "tmux ended the control client" : event.reason);
  }

  #end(reason: string): void {
    if (this.#ended !== undefined) return;
    this.#ended = reason;
    for (const waiting of this.#waiting.splice(0)) waiting.reject(this.#endedError(reason));
    this.#channel.close();
    this.#handlers.onEnd(reason);
  }

  #endedError(reason: string): Error {
    return hostUnreachableError(`the tmux control client on ${this.host} ended (${reason})`);
  }
}
