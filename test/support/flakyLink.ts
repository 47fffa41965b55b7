import { connect, createServer, type Server, type Socket } from "node:net";

/**
 * up: bytes flow. blackhole: sockets stay open, every byte is dropped (a WiFi drop: only keepalives notice).
 * pause: bytes queue both ways and are released in order on "up" (a blip TCP survives).
 * reset: current connections get a TCP RST, then the link is up.
 * refuse: nothing listens, so new connects are refused; open connections carry on.
 */
export type LinkMode = "up" | "blackhole" | "pause" | "reset" | "refuse";

// A TCP proxy on 127.0.0.1 between a client and a box's sshd, whose link can be broken on purpose.
export interface FlakyLink {
  readonly host: string;
  readonly port: number;
  /** The current mode; "reset" reads back as "up". */
  readonly mode: LinkMode;
  /** Client connections open through the link right now. */
  readonly connections: number;
  setMode(mode: LinkMode): Promise<void>;
  close(): Promise<void>;
}

interface Pipe {
  client: Socket;
  target: Socket;
  queued: { to: Socket; data: Buffer }[];
  /** How the surviving side learns that the other closed while the link was down, once it is up. */
  onUp?: "end" | "reset";
}

// Starts a link to targetHost:targetPort on a port of its own; it begins "up".
export async function startFlakyLink(targetHost: string, targetPort: number): Promise<FlakyLink> {
  const link = new ProxyLink(targetHost, targetPort);
  await link.listen(0);
  return link;
}

class ProxyLink implements FlakyLink {
  readonly host = "127.0.0.1";
  port = 0;
  mode: LinkMode = "up";
  private server: Server | undefined;
  private closed = false;
  private readonly pipes = new Set<Pipe>();

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  get connections(): number {
    return [...this.pipes].filter((pipe) => !pipe.client.destroyed).length;
  }

  async setMode(mode: LinkMode): Promise<void> {
    if (this.closed) throw new Error(`flaky link on port ${this.port} is closed; cannot set mode ${mode}`);
    if (mode === "reset") {
      for (const pipe of this.pipes) this.drop(pipe, true);
      mode = "up";
    }
    if (mode === "refuse") this.stopListening();
    else if (this.server === undefined) await this.listen(this.port);
    this.mode = mode;
    if (mode === "up") for (const pipe of this.pipes) this.release(pipe);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pipe of this.pipes) this.drop(pipe, false);
    const server = this.server;
    this.server = undefined;
    if (server !== undefined) await new Promise((resolve) => server.close(resolve));
  }

  async listen(port: number): Promise<void> {
    const server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, this.host, resolve));
    const address = server.address();
    if (address === null || typeof address === "string") throw new Error("flaky link: no port to report");
    this.port = address.port;
    this.server = server;
  }

  private stopListening(): void {
    this.server?.close();
    this.server = undefined;
  }

  private accept(client: Socket): void {
    const target = connect(this.targetPort, this.targetHost);
    const pipe: Pipe = { client, target, queued: [] };
    this.pipes.add(pipe);
    const forward = (from: Socket, to: Socket) =>
      from.on("data", (data: Buffer) => {
        if (this.mode === "blackhole") return;
        if (this.mode === "pause" || pipe.queued.length > 0) pipe.queued.push({ to, data });
        else to.write(data);
      });
    forward(client, target);
    forward(target, client);
    const closed = () => {
      // While the link is down the other side cannot hear about it; it finds out when the link is up.
      if (this.mode === "blackhole") pipe.onUp = "reset";
      else if (this.mode === "pause") pipe.onUp ??= "end";
      else this.drop(pipe, false);
    };
    for (const socket of [client, target]) socket.on("error", closed).on("close", closed);
  }

  private release(pipe: Pipe): void {
    for (const { to, data } of pipe.queued.splice(0)) if (!to.destroyed) to.write(data);
    if (pipe.onUp === "reset") this.drop(pipe, true);
    else if (pipe.onUp === "end") for (const socket of [pipe.client, pipe.target]) socket.end();
  }

  private drop(pipe: Pipe, reset: boolean): void {
    this.pipes.delete(pipe);
    destroyPipe(pipe, reset);
  }
}

function destroyPipe(pipe: Pipe, reset: boolean): void {
  for (const socket of [pipe.client, pipe.target]) {
    if (socket.destroyed) continue;
    if (reset) socket.resetAndDestroy();
    else socket.destroy();
  }
}
