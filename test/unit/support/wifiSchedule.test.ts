import { connect, createServer, type Server, type Socket } from "node:net";
import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { startBadWifi, type BadWifi } from "../../support/badWifi.js";
import { WifiSchedule, seededRandom, type WifiProfile } from "../../support/wifiSchedule.js";

const T0 = 1_000_000;
const plain: WifiProfile = { oneWayDelayMs: 150, jitterMs: 0, rateBitsPerSecond: 0, seed: 1 };
const stalling: WifiProfile = {
  ...plain,
  stalls: { everyMs: { min: 20_000, max: 40_000 }, lengthMs: { min: 1_000, max: 4_000 } },
};

describe("WifiSchedule (fake time: every instant is passed in)", () => {
  it("delays each chunk by the one-way delay", () => {
    const schedule = new WifiSchedule(plain, T0);
    expect(schedule.deliverAt("up", T0 + 10, 100)).toBe(T0 + 160);
    expect(schedule.deliverAt("down", T0 + 500, 100)).toBe(T0 + 650);
  });

  it("keeps jitter within ± jitterMs and never lets a chunk overtake the one before it", () => {
    const schedule = new WifiSchedule({ ...plain, jitterMs: 50 }, T0);
    let previous = 0;
    const delays: number[] = [];
    for (let i = 0; i < 500; i++) {
      const now = T0 + i * 5;
      const at = schedule.deliverAt("up", now, 10, previous);
      expect(at).toBeGreaterThanOrEqual(previous);
      delays.push(at - now);
      previous = at;
    }
    const fresh = new WifiSchedule({ ...plain, jitterMs: 50 }, T0);
    const unordered = Array.from(
      { length: 500 },
      (_, i) => fresh.deliverAt("up", T0 + i * 1_000, 10) - (T0 + i * 1_000),
    );
    expect(Math.min(...unordered)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...unordered)).toBeLessThanOrEqual(200);
    expect(Math.max(...unordered) - Math.min(...unordered)).toBeGreaterThan(80);
    expect(Math.max(...delays)).toBeGreaterThan(150);
  });

  it("caps the rate each way, shared by every connection", () => {
    const schedule = new WifiSchedule({ ...plain, rateBitsPerSecond: 1_000_000 }, T0);
    // 125,000 bytes is one second of wire at 1 Mbit/s; the second chunk (another connection) waits for the first.
    expect(schedule.deliverAt("down", T0, 125_000)).toBe(T0 + 1_000 + 150);
    expect(schedule.deliverAt("down", T0, 125_000)).toBe(T0 + 2_000 + 150);
    expect(schedule.deliverAt("up", T0, 1_250)).toBe(T0 + 10 + 150);
  });

  it("draws stalls 20–40 s apart lasting 1–4 s, the same for the same seed", () => {
    const stalls = new WifiSchedule(stalling, T0).stallsUntil(T0 + 600_000);
    expect(stalls.length).toBeGreaterThanOrEqual(13);
    let end = T0;
    for (const stall of stalls) {
      expect(stall.start - end).toBeGreaterThanOrEqual(20_000);
      expect(stall.start - end).toBeLessThanOrEqual(40_000);
      expect(stall.end - stall.start).toBeGreaterThanOrEqual(1_000);
      expect(stall.end - stall.start).toBeLessThanOrEqual(4_000);
      end = stall.end;
    }
    expect(new WifiSchedule(stalling, T0).stallsUntil(T0 + 600_000)).toEqual(stalls);
    expect(new WifiSchedule({ ...stalling, seed: 2 }, T0).stallsUntil(T0 + 600_000)).not.toEqual(stalls);
  });

  it("holds what would arrive during a stall until its end, in order, on old and new connections alike", () => {
    const schedule = new WifiSchedule(stalling, T0);
    const [stall] = schedule.stallsUntil(T0 + 40_000);
    if (!stall) throw new Error("no stall drawn within 40 s");
    const during = stall.start + 100;
    const first = schedule.deliverAt("down", during - 150, 10);
    const second = schedule.deliverAt("down", during, 10, first);
    expect([first, second]).toEqual([stall.end, stall.end]);
    expect(schedule.deliverAt("up", stall.end + 10, 10)).toBe(stall.end + 160);
    expect(schedule.stallAt(during)).toEqual(stall);
    expect(schedule.stallAt(stall.end)).toBeUndefined();
  });

  it("draws the same numbers for the same seed", () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const drawn = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(drawn);
    for (const value of drawn) expect(value >= 0 && value < 1).toBe(true);
  });
});

// The proxy itself, on loopback in front of an echo server, with a short delay.
describe("startBadWifi", () => {
  let echo: Server;
  let wifi: BadWifi;
  const sockets: Socket[] = [];

  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    await wifi.close();
    await new Promise((resolve) => echo.close(resolve));
  });

  async function frontEcho(profile: WifiProfile): Promise<{ host: string; port: number }> {
    echo = createServer((socket) => socket.pipe(socket));
    await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
    const address = echo.address();
    if (address === null || typeof address === "string") throw new Error("echo server has no port");
    wifi = startBadWifi(profile);
    return await wifi.front("127.0.0.1", address.port);
  }

  async function open(at: { host: string; port: number }): Promise<Socket> {
    const socket = connect(at.port, at.host);
    sockets.push(socket);
    await once(socket, "connect");
    return socket;
  }

  const echoed = (socket: Socket, text: string, withinMs: number): Promise<{ got: string; ms: number }> => {
    const started = Date.now();
    let got = "";
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        socket.off("data", onData);
        resolve({ got, ms: Date.now() - started });
      };
      const onData = (chunk: Buffer): void => {
        got += chunk.toString();
        if (got.length >= text.length) done();
      };
      const timer = setTimeout(done, withinMs);
      socket.on("data", onData);
      socket.write(text);
    });
  };

  it("delays a round trip by twice the one-way delay", async () => {
    const at = await frontEcho({ ...plain, oneWayDelayMs: 40 });
    const { got, ms } = await echoed(await open(at), "hello", 2_000);
    expect(got).toBe("hello");
    expect(ms).toBeGreaterThanOrEqual(75);
    expect(ms).toBeLessThan(1_000);
  });

  it("roams: open connections go silent for ever, new ones work", async () => {
    const at = await frontEcho({ ...plain, oneWayDelayMs: 5 });
    const before = await open(at);
    expect((await echoed(before, "one", 2_000)).got).toBe("one");
    wifi.roam();
    expect(wifi.connections).toEqual({ open: 0, silent: 1 });
    const after = await open(at);
    const [old, fresh] = await Promise.all([echoed(before, "lost", 300), echoed(after, "two", 2_000)]);
    expect(old.got).toBe("");
    expect(fresh.got).toBe("two");
    expect(before.destroyed).toBe(false);
  });
});
