import { connect, createServer, type Server, type Socket } from "node:net";
import { once } from "node:events";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFlakyLink, type FlakyLink } from "../../support/flakyLink.js";

// A real echo server on loopback stands in for sshd: the link's modes are checked byte for byte.
let echo: Server;
let link: FlakyLink;
const sockets: Socket[] = [];

beforeEach(async () => {
  echo = createServer((socket) => socket.pipe(socket));
  await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
  const address = echo.address();
  if (address === null || typeof address === "string") throw new Error("echo server has no port");
  link = await startFlakyLink("127.0.0.1", address.port);
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await link.close();
  await new Promise((resolve) => echo.close(resolve));
});

async function open(): Promise<Socket> {
  const socket = connect(link.port, link.host);
  sockets.push(socket);
  await once(socket, "connect");
  return socket;
}

async function roundTrip(socket: Socket, text: string): Promise<string> {
  socket.write(text);
  let got = "";
  for await (const chunk of socket as AsyncIterable<Buffer>) {
    got += chunk.toString();
    if (got.length >= text.length) break;
  }
  return got;
}

function received(socket: Socket, withinMs: number): Promise<string> {
  let got = "";
  const onData = (chunk: Buffer) => (got += chunk.toString());
  socket.on("data", onData);
  return new Promise((resolve) =>
    setTimeout(() => {
      socket.off("data", onData);
      resolve(got);
    }, withinMs),
  );
}

describe("startFlakyLink", () => {
  it("passes bytes both ways when up", async () => {
    expect(await roundTrip(await open(), "hello")).toBe("hello");
    expect(link.connections).toBe(1);
  });

  it("swallows bytes in blackhole mode, even on new connections", async () => {
    const before = await open();
    await link.setMode("blackhole");
    const during = await open();
    const heard = Promise.all([received(before, 200), received(during, 200)]);
    before.write("lost");
    during.write("lost");
    expect(await heard).toEqual(["", ""]);
    expect(before.destroyed || during.destroyed).toBe(false);
  });

  it("queues bytes while paused and releases them in order on up", async () => {
    const socket = await open();
    await link.setMode("pause");
    const heard = received(socket, 300);
    socket.write("one,");
    socket.write("two");
    await new Promise((resolve) => setTimeout(resolve, 100));
    await link.setMode("up");
    expect(await heard).toBe("one,two");
  });

  it("resets open connections and accepts new ones", async () => {
    const socket = await open();
    const failure = once(socket, "error");
    await link.setMode("reset");
    const [error] = (await failure) as [NodeJS.ErrnoException];
    expect(error.code).toBe("ECONNRESET");
    expect(link.mode).toBe("up");
    expect(await roundTrip(await open(), "again")).toBe("again");
  });

  it("refuses connects, then listens on the same port again", async () => {
    const port = link.port;
    await link.setMode("refuse");
    const refused = connect(port, link.host);
    const [error] = (await once(refused, "error")) as [NodeJS.ErrnoException];
    expect(error.code).toBe("ECONNREFUSED");
    await link.setMode("up");
    expect(link.port).toBe(port);
    expect(await roundTrip(await open(), "back")).toBe("back");
  });
});
