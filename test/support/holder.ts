import { processAlive } from "../../src/holder/processAlive.js";
import { makeWorld, moor, type MoorWorld } from "./cli.js";

// What `moor daemon status --json` says.
export interface HolderState {
  running: boolean;
  pid?: number;
  version?: string;
  hosts?: { host: string; link: string; lastUse: number }[];
}

// A world whose one-shot commands use (and start) the background holder.
export function holderWorld(extraEnv: NodeJS.ProcessEnv = {}): MoorWorld {
  return makeWorld({ MOOR_NO_DAEMON: "", ...extraEnv });
}

export async function holderState(world: MoorWorld): Promise<HolderState> {
  const run = await moor(world, ["daemon", "status", "--json"]);
  if (run.code !== 0) throw new Error(`moor daemon status failed (${String(run.code)}): ${run.stderr}`);
  return JSON.parse(run.stdout) as HolderState;
}

// Waits until the world's holder answers (and, when given, holds an up link to host).
export async function waitForHolder(
  world: MoorWorld,
  host?: string,
  timeoutMs = 20_000,
): Promise<HolderState & { pid: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await holderState(world);
    if (
      state.running &&
      state.pid !== undefined &&
      (host === undefined || state.hosts?.some((entry) => entry.host === host && entry.link === "up"))
    )
      return { ...state, pid: state.pid };
    if (Date.now() > deadline)
      throw new Error(
        `no holder${host ? ` with an up link to ${host}` : ""} within ${String(timeoutMs)} ms: ${JSON.stringify(state)}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const isAlive = processAlive;

// Stops the world's holder and makes sure no holder process of it is left (afterAll).
export async function stopHolder(world: MoorWorld, pids: readonly number[] = []): Promise<void> {
  await moor(world, ["daemon", "stop"]).catch(() => undefined);
  for (const pid of pids) if (isAlive(pid)) process.kill(pid, "SIGKILL");
}

// The holder processes serving this world's config dir, from ps: to count them.
export async function holderPids(world: MoorWorld): Promise<number[]> {
  const { execFileSync } = await import("node:child_process");
  const out = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" });
  return out
    .split("\n")
    .filter((line) => line.includes("daemon serve") && line.includes(world.configDir))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}
