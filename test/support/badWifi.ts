import { connect, createServer, type Server, type Socket } from "node:net";
import { WifiSchedule, type Direction, type Stall, type WifiProfile } from "./wifiSchedule.js";

export type { WifiProfile } from "./wifiSchedule.js";

// The link of issue 22: 300 ms RTT (150 ms each way ± 50), 1 Mbit/s, a 1–4 s stall every 20–40 s.
export const BAD_WIFI: WifiProfile = {
  oneWayDelayMs: 150,
  jitterMs: 50,
  rateBitsPerSecond: 1_000_000,
  stalls: { everyMs: { min: 20_000, max: 40_000 }, lengthMs: { min: 1_000, max: 4_000 } },
  seed: 22,
};

// A userspace impaired link on loopback in front of one or more boxes (kernel netem is not available here). Every
// box behind it shares one schedule: one rate cap each way, the same stalls, as one WiFi link would.
export interface BadWifi {
  /** A port on 127.0.0.1 that leads to targetHost:targetPort over this link. */
  front(targetHost: string, targetPort: number): Promise<{ host: string; port: number }>;
  /** Every connection open now goes silent for ever (an IP change); connections made after work. */
  roam(): void;
  /** The stalls (epoch ms) that began by `until` (default now). */
  stalls(until?: number): readonly Stall[];
  /** Connections that carry bytes now, and how many roams left silent (for ever, even once their client left). */
  readonly connections: { open: number; silent: number };
  close(): Promise<void>;
}

interface Chunk {
  at: number;
  data: Buffer | "end";
}

// One direction of one connection: chunks leave in order, each at its time.
class Lane {
  readonly #queue: Chunk[] = [];
  #timer: NodeJS.Timeout | undefined;
  #lastAt = 0;

  constructor(
    private readonly to: Socket,
    private readonly direction: Direction,
    private readonly schedule: WifiSchedule,
  ) {}

  push(data: Buffer | "end"): void {
    const bytes = data === "end" ? 0 : data.length;
    const at = this.schedule.deliverAt(this.direction, Date.now(), bytes, this.#lastAt);
    this.#lastAt = at;
    this.#queue.push({ at, data });
    this.#arm();
  }

  clear(): void {
    this.#queue.length = 0;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #arm(): void {
    const next = this.#queue[0];
    if (this.#timer !== undefined || next === undefined) return;
    this.#timer = setTimeout(() => this.#drain(), Math.max(0, next.at - Date.now()));
  }

  #drain(): void {
    this.#timer = undefined;
    const now = Date.now();
    while (this.#queue[0] !== undefined && this.#queue[0].at <= now + 1) {
      const { data } = this.#queue.shift() as Chunk;
      if (this.to.destroyed) continue;
      if (data === "end") this.to.end();
      else this.to.write(data);
    }
    this.#arm();
  }
}

interface Pipe {
  client: Socket;
  target: Socket;
  lanes: Lane[];
  silent: boolean;
}

// Starts an impaired link; it stops by itself after lifetimeMs (default 15 minutes) if nobody closes it.
export function startBadWifi(profile: WifiProfile, options: { lifetimeMs?: number } = {}): BadWifi {
  const startedAt = Date.now();
  const schedule = new WifiSchedule(profile, startedAt);
  const servers: Server[] = [];
  const pipes = new Set<Pipe>();
  const stop = setTimeout(() => void close(), options.lifetimeMs ?? 15 * 60_000);
  stop.unref();

  const accept = (client: Socket, targetHost: string, targetPort: number): void => {
    const target = connect(targetPort, targetHost);
    const pipe: Pipe = { client, target, silent: false, lanes: [] };
    const up = new Lane(target, "up", schedule);
    const down = new Lane(client, "down", schedule);
    pipe.lanes = [up, down];
    pipes.add(pipe);
    const carry = (from: Socket, lane: Lane): void => {
      from.on("data", (data: Buffer) => pipe.silent || lane.push(data));
      from.on("end", () => pipe.silent || lane.push("end"));
    };
    carry(client, up);
    carry(target, down);
    const closed = (): void => {
      if (pipe.silent) return;
      pipes.delete(pipe);
      for (const lane of pipe.lanes) lane.clear();
      client.destroy();
      target.destroy();
    };
    for (const socket of [client, target]) socket.on("error", closed).on("close", closed);
  };

  const close = async (): Promise<void> => {
    clearTimeout(stop);
    for (const pipe of pipes) {
      for (const lane of pipe.lanes) lane.clear();
      pipe.client.destroy();
      pipe.target.destroy();
    }
    pipes.clear();
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  };

  return {
    async front(targetHost, targetPort) {
      const server = createServer((client) => accept(client, targetHost, targetPort));
      await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
      servers.push(server);
      const address = server.address();
      if (address === null || typeof address === "string") throw new Error("bad wifi: no port to report");
      return { host: "127.0.0.1", port: address.port };
    },
    roam() {
      for (const pipe of pipes) {
        pipe.silent = true;
        for (const lane of pipe.lanes) lane.clear();
      }
    },
    stalls: (until = Date.now()) => schedule.stallsUntil(until),
    get connections() {
      const all = [...pipes];
      return {
        open: all.filter((pipe) => !pipe.silent && !pipe.client.destroyed).length,
        silent: all.filter((pipe) => pipe.silent).length,
      };
    },
    close,
  };
}
