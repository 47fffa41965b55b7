import { spawn, type ChildProcessByStdio } from "node:child_process";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import type { Box } from "../test/support/box.js";
import type { MoorWorld } from "../test/support/cli.js";
import { tmuxStarts } from "./fleet.js";
import type { MoorProgram } from "./moorProgram.js";
import { controlOptions, runSsh, startControlMaster, stopControlMaster, type OpenSshWorld } from "./openssh.js";
import { paneListArgv } from "./paneList.js";
import { cpuSeconds, peakRssBytes, reapedChildrenCpuSeconds } from "./procStats.js";
import { sleep } from "./stats.js";

// Section 3: what keeping a live view open costs, moor against an OpenSSH loop doing the same polling.
// Each box sits behind a counting proxy, and tmux in each box notes every start.

export interface LiveViewCost {
  label: string;
  seconds: number;
  /** Laptop CPU, % of one core, split by process kind. */
  cpuPercent: number;
  cpuParts: Record<string, number>;
  bytesPerSecond: number;
  tmuxStartsPerSecond: number;
  /** Peak resident memory of the long-lived process(es). */
  peakRssBytes: number;
  /** Host listings that arrived (moor: sessions events; ssh: successful polls), per second. */
  pollsPerSecond: number;
  localProcessesPerSecond: number;
}

export interface LiveViewSetup {
  boxes: readonly Box[];
  /** Ports of the counting proxies in front of the boxes, same order. */
  ports: readonly number[];
  bytes: () => number;
  seconds: number;
  intervalMs: number;
}

interface Snapshot {
  at: number;
  bytes: number;
  tmux: number;
}

async function snapshot(setup: LiveViewSetup): Promise<Snapshot> {
  const counts = await Promise.all(setup.boxes.map(tmuxStarts));
  return { at: performance.now(), bytes: setup.bytes(), tmux: counts.reduce((a, b) => a + b, 0) };
}

function rates(before: Snapshot, after: Snapshot) {
  const seconds = (after.at - before.at) / 1000;
  return {
    seconds,
    bytesPerSecond: (after.bytes - before.bytes) / seconds,
    tmuxStartsPerSecond: (after.tmux - before.tmux) / seconds,
  };
}

/** moor's live view (or its stand-in) on every box for setup.seconds, after it has listed every box once. */
export async function measureMoorLiveView(
  setup: LiveViewSetup,
  world: MoorWorld,
  names: readonly string[],
  program: MoorProgram,
): Promise<LiveViewCost> {
  const child = spawn(process.execPath, program.args(names), { env: world.env, stdio: ["ignore", "pipe", "pipe"] });
  const listed = new Set<string>();
  let polls = 0;
  let stderr = "";
  child.stderr.on("data", (data: Buffer) => (stderr += data.toString()));
  createInterface({ input: child.stdout }).on("line", (line) => {
    const host = listedHost(line, program.standIn);
    if (host === undefined) return;
    polls++;
    listed.add(host);
  });
  try {
    await untilEveryHostListed(child, listed, names.length, program, () => stderr);
    await sleep(setup.intervalMs);
    const before = await snapshot(setup);
    const cpuBefore = cpuSeconds(child.pid ?? 0);
    const pollsBefore = polls;
    await sleep(setup.seconds * 1000);
    const cpuAfter = cpuSeconds(child.pid ?? 0);
    const after = await snapshot(setup);
    const rate = rates(before, after);
    const cpu = ((cpuAfter - cpuBefore) / rate.seconds) * 100;
    return {
      label: program.label,
      ...rate,
      cpuPercent: cpu,
      cpuParts: { moor: cpu },
      peakRssBytes: peakRssBytes(child.pid ?? 0),
      // The command streams changes only, so its output does not show how often it listed.
      pollsPerSecond: program.standIn ? (polls - pollsBefore) / rate.seconds : Number.NaN,
      localProcessesPerSecond: 0,
    };
  } finally {
    child.kill("SIGTERM");
  }
}

/** The host a JSON line shows listed: the stand-in's "sessions" events; the command's "session" events, or its "host" events without an error. */
function listedHost(line: string, standIn: boolean): string | undefined {
  try {
    const event = JSON.parse(line) as { type?: unknown; host?: unknown; error?: unknown };
    if (typeof event.host !== "string") return undefined;
    if (standIn) return event.type === "sessions" ? event.host : undefined;
    return event.type === "session" || (event.type === "host" && event.error === null) ? event.host : undefined;
  } catch {
    return undefined;
  }
}

async function untilEveryHostListed(
  child: ChildProcessByStdio<null, Readable, Readable>,
  listed: Set<string>,
  hosts: number,
  program: MoorProgram,
  stderr: () => string,
): Promise<void> {
  const deadline = performance.now() + 30_000;
  while (listed.size < hosts) {
    if (child.exitCode !== null)
      throw new Error(`${program.label} exited ${child.exitCode} before listing every host: ${stderr().trim()}`);
    if (performance.now() > deadline)
      throw new Error(`${program.label} listed ${listed.size} of ${hosts} hosts within 30 s: ${stderr().trim()}`);
    await sleep(100);
  }
}

/** One `ssh … tmux list-panes -a -F …` per box every interval over warm ControlMasters, for setup.seconds. */
export async function measureOpenSshLiveView(setup: LiveViewSetup, world: OpenSshWorld): Promise<LiveViewCost> {
  const options = controlOptions(world);
  const list = paneListArgv();
  try {
    const masters = await Promise.all(setup.ports.map((port) => startControlMaster(world, port)));
    const busy = new Set<number>();
    let polls = 0;
    let clients = 0;
    const inFlight = new Set<Promise<void>>();
    const poll = (port: number) => {
      if (busy.has(port)) return;
      busy.add(port);
      clients++;
      const done = runSsh(world, port, list, options)
        .then((run) => {
          if (run.code === 0) polls++;
        })
        .finally(() => {
          busy.delete(port);
          inFlight.delete(done);
        });
      inFlight.add(done);
    };
    const cpuOf = () => masters.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
    setup.ports.forEach(poll);
    await Promise.all(inFlight);
    const before = await snapshot(setup);
    const mastersBefore = cpuOf();
    const clientsBefore = reapedChildrenCpuSeconds();
    const [pollsBefore, clientsStarted] = [polls, clients];
    const ticks = Math.round((setup.seconds * 1000) / setup.intervalMs);
    for (let tick = 0; tick < ticks; tick++) {
      setup.ports.forEach(poll);
      await sleep(setup.intervalMs);
    }
    await Promise.all(inFlight);
    const mastersCpu = cpuOf() - mastersBefore;
    const clientsCpu = reapedChildrenCpuSeconds() - clientsBefore;
    const after = await snapshot(setup);
    const rate = rates(before, after);
    const percent = (cpu: number) => (cpu / rate.seconds) * 100;
    return {
      label: `ssh over ${setup.ports.length} warm ControlMasters, one tmux list-panes per box every ${setup.intervalMs / 1000} s`,
      ...rate,
      cpuPercent: percent(mastersCpu + clientsCpu),
      cpuParts: { "ssh masters": percent(mastersCpu), "ssh clients": percent(clientsCpu) },
      peakRssBytes: masters.reduce((sum, pid) => sum + peakRssBytes(pid), 0),
      pollsPerSecond: (polls - pollsBefore) / rate.seconds,
      localProcessesPerSecond: (clients - clientsStarted) / rate.seconds,
    };
  } finally {
    await Promise.all(setup.ports.map((port) => stopControlMaster(world, port)));
  }
}
