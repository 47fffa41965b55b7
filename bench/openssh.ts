import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { quoteArgv } from "../src/ssh/shellQuote.js";
import { runTimed, succeeded, type TimedRun } from "./timedRun.js";

export const SSH = "/usr/bin/ssh";

// OpenSSH's client set up like moor: the same key and known_hosts, an empty HOME (no ~/.ssh/config), no agent.
export interface OpenSshWorld {
  key: string;
  knownHosts: string;
  env: NodeJS.ProcessEnv;
  /** Where ControlMaster sockets live: short, because a socket path is limited to about 100 bytes. */
  controlDir: string;
}

export function makeOpenSshWorld(key: string, knownHostsLines: readonly string[]): OpenSshWorld {
  const home = mkdtempSync(join(tmpdir(), "moor-bench-ssh-home-"));
  const knownHosts = join(home, "known_hosts");
  writeFileSync(knownHosts, `${knownHostsLines.join("\n")}\n`);
  return { key, knownHosts, env: { PATH: process.env.PATH, HOME: home }, controlDir: mkdtempSync("/tmp/mcm-") };
}

/** Options every ssh run gets, for a fair comparison with moor's strict host key check and one key. */
function baseOptions(world: OpenSshWorld, port: number): string[] {
  return [
    "-i",
    world.key,
    "-o",
    `UserKnownHostsFile=${world.knownHosts}`,
    "-o",
    "StrictHostKeyChecking=yes",
    "-o",
    "BatchMode=yes",
    "-o",
    "IdentitiesOnly=yes",
    "-p",
    String(port),
  ];
}

export function controlOptions(world: OpenSshWorld): string[] {
  return ["-o", "ControlMaster=auto", "-o", `ControlPath=${world.controlDir}/%C`, "-o", "ControlPersist=120"];
}

/** argv for ssh running remoteArgv on the box behind port, quoted for the remote shell exactly as moor quotes it. */
export function sshArgv(
  world: OpenSshWorld,
  port: number,
  remoteArgv: readonly string[],
  extraOptions: readonly string[] = [],
): string[] {
  return [...baseOptions(world, port), ...extraOptions, "moor@127.0.0.1", quoteArgv(remoteArgv)];
}

export function runSsh(
  world: OpenSshWorld,
  port: number,
  remoteArgv: readonly string[],
  extraOptions: readonly string[] = [],
  timeoutMs?: number,
): Promise<TimedRun> {
  return runTimed(SSH, sshArgv(world, port, remoteArgv, extraOptions), world.env, timeoutMs);
}

/** Starts (warms) a persistent master for the box behind port and returns its pid. */
export async function startControlMaster(world: OpenSshWorld, port: number): Promise<number> {
  succeeded(await runSsh(world, port, ["true"], controlOptions(world)), `ssh ControlMaster to port ${port}`);
  const check = await runTimed(
    SSH,
    [...baseOptions(world, port), ...controlOptions(world), "-O", "check", "moor@127.0.0.1"],
    world.env,
  );
  const pid = /pid=(\d+)/.exec(check.stderr)?.[1];
  if (pid === undefined) throw new Error(`no ControlMaster answers for port ${port}: ${check.stderr.trim()}`);
  return Number(pid);
}

export async function stopControlMaster(world: OpenSshWorld, port: number): Promise<void> {
  await runTimed(
    SSH,
    [...baseOptions(world, port), ...controlOptions(world), "-O", "exit", "moor@127.0.0.1"],
    world.env,
    10_000,
  ).catch(() => undefined);
}

export function opensshVersion(): string {
  const run = spawnSync(SSH, ["-V"], { encoding: "utf8" });
  return `${run.stderr}${run.stdout}`.trim() || "unknown";
}
