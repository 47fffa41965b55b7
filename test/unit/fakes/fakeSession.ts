import type { ExecOptions, ExecResult, RemoteChannel, SshSession } from "../../../src/ssh/types.js";

// A small fake of one ssh connection: records commands, answers from a script, can be "dropped".
export class FakeSession implements SshSession {
  readonly authMethod = "publickey fake";
  readonly hostKeyStatus = "known" as const;
  readonly hostKeyFingerprint = "SHA256:fake";
  readonly commands: string[] = [];
  readonly stdins: (string | Buffer | undefined)[] = [];
  contact: number;
  destroyed = false;
  #closeListeners: ((error?: Error) => void)[] = [];
  #closed = false;

  constructor(
    private readonly answer: (command: string) => Partial<ExecResult> = () => ({}),
    now = 0,
  ) {
    this.contact = now;
  }

  exec(command: string, options: ExecOptions = {}): Promise<ExecResult> {
    if (this.#closed) return Promise.reject(Object.assign(new Error("Not connected"), { code: "ECONNRESET" }));
    this.commands.push(command);
    this.stdins.push(options.stdin);
    options.onOpen?.();
    return Promise.resolve({ stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), code: 0, ...this.answer(command) });
  }

  open(): Promise<RemoteChannel> {
    return Promise.reject(new Error("FakeSession.open is not scripted"));
  }

  forward(): Promise<never> {
    return Promise.reject(new Error("FakeSession.forward is not scripted"));
  }

  lastContact(): number {
    return this.contact;
  }

  onClose(listener: (error?: Error) => void): void {
    this.#closeListeners.push(listener);
  }

  /** The link dies under the session, as a keepalive timeout would report it. */
  drop(error: Error = Object.assign(new Error("Keepalive timeout"), { level: "client-timeout" })): void {
    this.#closed = true;
    for (const listener of this.#closeListeners.splice(0)) listener(error);
  }

  close(): void {
    if (!this.#closed) this.drop(new Error("closed"));
  }

  destroy(): void {
    this.destroyed = true;
    if (!this.#closed) this.drop(Object.assign(new Error("destroyed"), { code: "ECONNRESET" }));
  }
}
