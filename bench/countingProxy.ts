import { connect, createServer, type Server, type Socket } from "node:net";

// A plain TCP proxy on 127.0.0.1 that counts every byte it carries, both ways: what a tool costs on the wire.
export interface CountingProxy {
  readonly port: number;
  /** Bytes carried so far, client to server plus server to client (TCP/IP headers not included). */
  bytes(): number;
  close(): Promise<void>;
}

export async function startCountingProxy(targetHost: string, targetPort: number): Promise<CountingProxy> {
  let carried = 0;
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  };
  const server: Server = createServer((client) => {
    const target = connect(targetPort, targetHost);
    track(client);
    track(target);
    for (const [from, to] of [
      [client, target],
      [target, client],
    ] as const) {
      from.on("data", (data: Buffer) => {
        carried += data.length;
        to.write(data);
      });
      from.on("end", () => to.end());
      from.on("error", () => to.destroy());
      from.on("close", () => to.destroy());
    }
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("counting proxy: no port to report");
  return {
    port: address.port,
    bytes: () => carried,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
