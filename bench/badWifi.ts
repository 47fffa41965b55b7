import { spawn, type ChildProcess } from "node:child_process";
import type { Box } from "../test/support/box.js";
import { BAD_WIFI, startBadWifi, type WifiProfile } from "../test/support/badWifi.js";
import { MOOR_BIN } from "../test/support/cli.js";
import { WatchRun } from "../test/e2e/support/watchRun.js";
import { capturePaneArgv } from "../src/tmux/capture.js";
import { paneTarget } from "../src/tmux/target.js";
import { registerHosts } from "./fleet.js";
import {
  controlOptions,
  sshArgv,
  makeOpenSshWorld,
  runSsh,
  SSH,
  startControlMaster,
  stopControlMaster,
} from "./openssh.js";
import { paneListArgv } from "./paneList.js";
import { formatMs, formatRatio, median, ratio, sleep } from "./stats.js";
import type { Table } from "./table.js";
import { runTimed, succeeded } from "./timedRun.js";

// Bad WiFi (issue 22): moor and OpenSSH through the same userspace impaired link (test/support/badWifi.ts) in the
// same run: a roam, a stretch of stalls, and warm one-shot commands at 300 ms RTT.

const TICKER = "while :; do date +%T.%N; sleep 1; done";
const SERVER_ALIVE = ["-o", "ServerAliveInterval=2", "-o", "ServerAliveCountMax=2"];

export interface BadWifiSetup {
  /** Four boxes: the roam, the stalls (two) and the warm commands each get their own, so no part inherits another's
   *  silenced connections. */
  boxes: readonly Box[];
  roams: number;
  stallSeconds: number;
  runs: number;
}

export interface BadWifiResult {
  profile: WifiProfile;
  stallProfile: WifiProfile;
  roam: { moorSwitchMs: number[]; moorLiveMs: number[]; moorDowns: number; sshLiveMs: number[] };
  stalls: {
    seconds: number;
    lengthsMs: number[];
    moorDowns: number;
    moorStale: number;
    moorSwitches: number;
    sshDrops: number;
  };
  warm: { moorPeek: number[]; sshPeek: number[]; moorLs: number[]; sshLs: number[] };
}

// ssh running a ticker on the box, started again the moment it exits (as a user's `while :; do ssh …; done`):
// each line with its time, each exit counted.
class SshLoop {
  readonly lines: { at: number; run: number }[] = [];
  exits = 0;
  /** What the last ssh said on stderr (why it exited). */
  stderr = "";
  #child: ChildProcess | undefined;
  #run = 0;
  #stopped = false;

  constructor(
    private readonly args: readonly string[],
    private readonly env: NodeJS.ProcessEnv,
  ) {
    this.#start();
  }

  get run(): number {
    return this.#run;
  }

  #start(): void {
    const run = ++this.#run;
    const startedAt = Date.now();
    const child = spawn(SSH, this.args, { env: this.env, stdio: ["ignore", "pipe", "pipe"] });
    this.#child = child;
    child.stdout?.on("data", () => this.lines.push({ at: Date.now(), run }));
    child.stderr?.on("data", (chunk: Buffer) => (this.stderr = chunk.toString().trim()));
    child.once("exit", () => {
      if (this.#stopped) return;
      this.exits++;
      // At once, as a user's loop would, but never a storm of ssh processes when it fails straight away.
      setTimeout(() => this.#stopped || this.#start(), Math.max(0, 1_000 - (Date.now() - startedAt)));
    });
  }

  stop(): void {
    this.#stopped = true;
    this.#child?.kill("SIGKILL");
  }
}

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`bad wifi bench: no ${what} within ${timeoutMs} ms`);
    await sleep(10);
  }
  return Date.now();
}

const linkTrouble = (kind: string | undefined): boolean =>
  kind === "down" || kind === "retrying" || kind === "connecting";

async function measureRoam(setup: BadWifiSetup, profile: WifiProfile): Promise<BadWifiResult["roam"]> {
  const box = setup.boxes[0] as Box;
  const moorSwitchMs: number[] = [];
  const moorLiveMs: number[] = [];
  let moorDowns = 0;
  const moorWifi = startBadWifi(profile);
  try {
    const front = await moorWifi.front(box.host, box.port);
    const { world, names } = await registerHosts([box], "roam", [front.port]);
    const host = names[0] ?? "roam1";
    const watch = new WatchRun([host, "--json"], world.env);
    const tick = (event: { type: string; host: string; session?: string }) =>
      event.type === "session" && event.host === host && event.session === "tick";
    try {
      await watch.next(tick, 0, 30_000);
      for (let roam = 0; roam < setup.roams; roam++) {
        await sleep(3_000 + roam * 700);
        const from = watch.events.length;
        moorWifi.roam();
        const roamedAt = Date.now();
        const switched = await watch.next((event) => event.switchedPath !== undefined, from, 30_000);
        const live = await watch.next(tick, watch.events.indexOf(switched), 30_000);
        moorSwitchMs.push(switched.receivedAt - roamedAt);
        moorLiveMs.push(live.receivedAt - roamedAt);
        moorDowns += watch.events
          .slice(from)
          .filter((event) => event.type === "link" && linkTrouble(event.kind)).length;
      }
    } finally {
      await watch.stop();
    }
  } finally {
    await moorWifi.close();
  }

  const sshLiveMs: number[] = [];
  const sshWifi = startBadWifi(profile);
  try {
    const front = await sshWifi.front(box.host, box.port);
    const ssh = makeOpenSshWorld(box.privateKeyPath, [box.knownHostsLine(front.port)]);
    const loop = new SshLoop(sshArgv(ssh, front.port, ["sh", "-c", TICKER], SERVER_ALIVE), ssh.env);
    try {
      await waitFor(() => loop.lines.length > 0, 30_000, "line from ssh");
      for (let roam = 0; roam < setup.roams; roam++) {
        await sleep(3_000 + roam * 700);
        const before = loop.run;
        sshWifi.roam();
        const roamedAt = Date.now();
        const liveAt = await waitFor(() => loop.lines.some((line) => line.run > before), 60_000, "line from a new ssh");
        sshLiveMs.push(liveAt - roamedAt);
      }
    } finally {
      loop.stop();
    }
  } finally {
    await sshWifi.close();
  }
  return { moorSwitchMs, moorLiveMs, moorDowns, sshLiveMs };
}

async function measureStalls(setup: BadWifiSetup, profile: WifiProfile): Promise<BadWifiResult["stalls"]> {
  const boxes = setup.boxes.slice(1, 3);
  const wifi = startBadWifi(profile);
  const loops: SshLoop[] = [];
  try {
    const fronts = await Promise.all(boxes.map((box) => wifi.front(box.host, box.port)));
    const ssh = makeOpenSshWorld(
      boxes[0]?.privateKeyPath ?? "",
      boxes.map((box, index) => box.knownHostsLine(fronts[index]?.port)),
    );
    const { world, names } = await registerHosts(
      boxes,
      "stall",
      fronts.map((front) => front.port),
    );
    const watch = new WatchRun([...names, "--json"], world.env);
    try {
      for (const name of names)
        await watch
          .next((event) => event.type === "session" && event.host === name, 0, 60_000)
          .catch((error: unknown) => {
            const seen = watch.events.filter((event) => event.host === name).slice(-8);
            throw new Error(
              `bad wifi bench: ${name} never listed; its events: ${JSON.stringify(seen)}; ${watch.stderr}`,
              {
                cause: error,
              },
            );
          });
      for (const front of fronts)
        loops.push(new SshLoop(sshArgv(ssh, front.port, ["sh", "-c", TICKER], SERVER_ALIVE), ssh.env));
      for (const loop of loops) await waitFor(() => loop.lines.length > 0, 60_000, `line from ssh (${loop.stderr})`);
      const from = watch.events.length;
      const started = Date.now();
      const exitsBefore = loops.reduce((sum, loop) => sum + loop.exits, 0);
      await sleep(setup.stallSeconds * 1000);
      const ended = Date.now();
      const during = watch.events.slice(from);
      const stalls = wifi.stalls(ended).filter((stall) => stall.start >= started && stall.start <= ended);
      return {
        seconds: setup.stallSeconds,
        lengthsMs: stalls.map((stall) => stall.end - stall.start),
        moorDowns: during.filter((event) => event.type === "link" && linkTrouble(event.kind)).length,
        moorStale: during.filter((event) => event.stale === true).length,
        moorSwitches: during.filter((event) => event.switchedPath !== undefined).length,
        sshDrops: loops.reduce((sum, loop) => sum + loop.exits, 0) - exitsBefore,
      };
    } finally {
      await watch.stop();
    }
  } finally {
    for (const loop of loops) loop.stop();
    await wifi.close();
  }
}

async function measureWarmOneShots(setup: BadWifiSetup, profile: WifiProfile): Promise<BadWifiResult["warm"]> {
  const wifi = startBadWifi(profile);
  const box = setup.boxes[3] as Box;
  const result: BadWifiResult["warm"] = { moorPeek: [], sshPeek: [], moorLs: [], sshLs: [] };
  try {
    const front = await wifi.front(box.host, box.port);
    const { world, names } = await registerHosts([box], "warmwifi", [front.port]);
    world.env.MOOR_NO_DAEMON = "";
    const host = names[0] ?? "warmwifi1";
    const moor = async (args: string[]) =>
      succeeded(await runTimed(process.execPath, [MOOR_BIN, ...args], world.env), `moor ${args[0]}`).ms;
    const ssh = makeOpenSshWorld(box.privateKeyPath, [box.knownHostsLine(front.port)]);
    try {
      await moor(["ls", host, "--json"]);
      await moor(["ls", host, "--json"]);
      await startControlMaster(ssh, front.port);
      const cm = controlOptions(ssh);
      const peekArgv = capturePaneArgv(paneTarget("tick"), { lines: 40 });
      for (let run = 0; run < setup.runs; run++) {
        result.moorPeek.push(await moor(["peek", `${host}:tick`, "-n", "40"]));
        result.sshPeek.push(succeeded(await runSsh(ssh, front.port, peekArgv, cm), "ssh peek").ms);
        result.moorLs.push(await moor(["ls", host, "--json"]));
        result.sshLs.push(succeeded(await runSsh(ssh, front.port, paneListArgv(), cm), "ssh ls").ms);
      }
    } finally {
      await stopControlMaster(ssh, front.port);
      await runTimed(process.execPath, [MOOR_BIN, "daemon", "stop"], world.env).catch(() => undefined);
    }
  } finally {
    await wifi.close();
  }
  return result;
}

export async function measureBadWifi(setup: BadWifiSetup): Promise<BadWifiResult> {
  await Promise.all(setup.boxes.map((box) => box.exec(["tmux", "new-session", "-d", "-s", "tick", TICKER])));
  const profile: WifiProfile = { ...BAD_WIFI, stalls: undefined };
  const stallProfile: WifiProfile = {
    ...BAD_WIFI,
    stalls: { everyMs: { min: 10_000, max: 20_000 }, lengthMs: { min: 1_000, max: 4_000 } },
  };
  const stalls = await measureStalls(setup, stallProfile);
  const roam = await measureRoam(setup, profile);
  const warm = await measureWarmOneShots(setup, profile);
  return { profile, stallProfile, roam, stalls, warm };
}

const list = (values: readonly number[]) => values.map((value) => formatMs(value)).join(", ");

export function badWifiTable(result: BadWifiResult, boxes: number): Table {
  const { roam, stalls, warm } = result;
  const roamMoor = median(roam.moorLiveMs);
  const roamSsh = median(roam.sshLiveMs);
  const peek = [median(warm.moorPeek), median(warm.sshPeek)] as const;
  const ls = [median(warm.moorLs), median(warm.sshLs)] as const;
  const stallText = `${stalls.lengthsMs.length} stalls of ${stalls.lengthsMs.map((ms) => (ms / 1000).toFixed(1)).join(", ")} s`;
  return {
    title: "6. Bad WiFi: 150 ms each way ± 50 ms, 1 Mbit/s (moor and OpenSSH through the same proxy)",
    head: ["", "moor", "OpenSSH", "moor ÷ ssh"],
    rows: [
      [
        `roam → a fresh line in watch (median of ${roam.moorLiveMs.length}; goal ≤ 4 s)`,
        `${formatMs(roamMoor)} (${list(roam.moorLiveMs)}; switched after ${list(roam.moorSwitchMs)})`,
        `${formatMs(roamSsh)} (${list(roam.sshLiveMs)})`,
        formatRatio(ratio(roamMoor, roamSsh)),
      ],
      ["… down/reconnecting events during the roams", String(roam.moorDowns), "–", "–"],
      [
        `false downs in ${stalls.seconds} s (${stallText}; ${boxes} boxes)`,
        `${stalls.moorDowns} (stale events ${stalls.moorStale}, path switches ${stalls.moorSwitches})`,
        `${stalls.sshDrops} ssh exits`,
        "–",
      ],
      [
        `warm peek -n 40 (median of ${warm.moorPeek.length}; goal ≤ 1.1×)`,
        formatMs(peek[0]),
        `${formatMs(peek[1])} (ControlMaster)`,
        formatRatio(ratio(...peek)),
      ],
      [
        `warm ls, 1 box (median of ${warm.moorLs.length})`,
        formatMs(ls[0]),
        `${formatMs(ls[1])} (ControlMaster)`,
        formatRatio(ratio(...ls)),
      ],
    ],
    notes: [
      "The proxy is test/support/badWifi.ts (userspace: kernel netem is not available here): per chunk, the shared 1 Mbit/s queue each way, then 150 ms ± 50 ms (in order per connection), seed 22.",
      "Roam: every open connection through the proxy goes silent for ever; new ones work. moor: `moor watch HOST --json`, timed to the first session event after its link event with switchedPath. OpenSSH: `ssh -o ServerAliveInterval=2 -o ServerAliveCountMax=2 HOST 'while :; do date; sleep 1; done'` started again the moment it exits, timed to the first line of the new one.",
      `Stalls: every connection, old and new, freezes for 1–4 s at gaps of 10–20 s (seed ${result.stallProfile.seed}), then gets what queued; moor watch (all boxes) and one such ssh per box run side by side through the same proxy. A false down is a link event down/connecting/retrying (moor) or an ssh exit (OpenSSH).`,
      "Warm: moor through its background holder (links through the proxy); ssh over a ControlMaster through the same proxy running the same tmux command.",
    ],
  };
}
