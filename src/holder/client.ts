import { createConnection, type Socket } from "node:net";
import { isOwnSocket, isPrivateDir, type HolderPaths } from "./paths.js";
import { frame, lineReader, PROTOCOL, type HolderStatus, type Reply, type Request } from "./protocol.js";

// No holder could answer (none runs, a stale socket, another version, no answer, it went away before answering).
export class HolderUnavailable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "HolderUnavailable";
  }
}

export interface ClientOptions {
  paths: HolderPaths;
  version: string;
  /** How long the holder has to say hello. */
  deadlineMs?: number;
}

type Pending = { resolve: (reply: Reply) => void; reject: (error: Error) => void };

// moor daemon status and stop's conversation with the holder: one socket, requests told apart by id. Loads neither
// ssh2 nor conf. (One-shot commands talk to the holder through the thin client, cli/quickClient.ts.)
export class HolderClient {
  readonly pid: number;
  readonly version: string;
  readonly #socket: Socket;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #gone: string | undefined;

  private constructor(socket: Socket, hello: { pid: number; version: string }) {
    this.#socket = socket;
    this.pid = hello.pid;
    this.version = hello.version;
  }

  /** Connects and checks the holder's version; HolderUnavailable when it cannot serve this command. */
  static async connect(options: ClientOptions): Promise<HolderClient> {
    const { paths } = options;
    if (!isPrivateDir(paths.dir)) throw new HolderUnavailable(`${paths.dir} is not a private directory of this user`);
    if (!isOwnSocket(paths.socket)) throw new HolderUnavailable("no holder socket");
    const socket = createConnection(paths.socket);
    socket.unref();
    const deadlineMs = options.deadlineMs ?? 500;
    const hello = await new Promise<Extract<Reply, { kind: "hello" }>>((resolve, reject) => {
      const fail = (reason: string): void => {
        clearTimeout(timer);
        socket.destroy();
        reject(new HolderUnavailable(reason));
      };
      const timer = setTimeout(() => fail(`no answer within ${String(deadlineMs)} ms`), deadlineMs);
      socket.once("error", (error) => fail(`cannot connect: ${error.message}`));
      socket.once("close", () => fail("the holder closed the connection"));
      socket.on(
        "data",
        lineReader(
          (message) => {
            const reply = message as Reply;
            if (reply.kind !== "hello") return fail("the holder did not say hello");
            clearTimeout(timer);
            socket.removeAllListeners();
            resolve(reply);
          },
          () => fail("the holder said something that is not JSON"),
        ),
      );
      socket.write(frame({ id: 0, kind: "hello", protocol: PROTOCOL, version: options.version }));
    });
    if (hello.protocol !== PROTOCOL || hello.version !== options.version) {
      // It makes way for a holder of this version, which the command starts when it ends.
      if (hello.protocol === PROTOCOL) socket.end(frame({ id: 1, kind: "stop" }));
      else socket.destroy();
      throw new HolderUnavailable(`the holder runs moor ${hello.version}, this is ${options.version}`);
    }
    const client = new HolderClient(socket, hello);
    client.#listen();
    return client;
  }

  async status(): Promise<HolderStatus> {
    const reply = await this.#request({ id: 0, kind: "status" });
    if (reply.kind !== "status") throw new HolderUnavailable(`unexpected answer ${reply.kind}`);
    return reply.status;
  }

  async stop(): Promise<void> {
    await this.#request({ id: 0, kind: "stop" });
  }

  close(): void {
    this.#socket.destroy();
  }

  #request(request: Request): Promise<Reply> {
    if (this.#gone !== undefined) return Promise.reject(new HolderUnavailable(this.#gone));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      // A request in flight keeps the process alive until its answer.
      this.#socket.ref();
      this.#socket.write(frame({ ...request, id }));
    });
  }

  #listen(): void {
    const end = (reason: string): void => {
      this.#gone ??= reason;
      for (const pending of this.#pending.values()) pending.reject(new HolderUnavailable(reason));
      this.#pending.clear();
      this.#socket.destroy();
    };
    this.#socket.on("error", (error) => end(`the holder's socket failed: ${error.message}`));
    this.#socket.on("close", () => end("the holder went away"));
    this.#socket.on(
      "data",
      lineReader(
        (message) => {
          const reply = message as Reply;
          const pending = this.#pending.get(reply.id);
          if (!pending) return;
          this.#pending.delete(reply.id);
          if (this.#pending.size === 0) this.#socket.unref();
          pending.resolve(reply);
        },
        () => end("the holder said something that is not JSON"),
      ),
    );
  }
}
