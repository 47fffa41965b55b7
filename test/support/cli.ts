import { spawn } from "node:child_process";
import { appendFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Box } from "./box.js";

// The bin entry that the package ships (it loads the bundle, dist/moor.js): tests run what users install.
export const MOOR_BIN = resolve(dirname(fileURLToPath(import.meta.url)), "../../bin/moor.js");

// A private world for one test's moor runs: its own HOME (no developer keys or ssh config),
// config dir and known_hosts, no ssh-agent unless the test adds one, and no background holder unless the test
// starts one (test/support/holder.ts) or the run asks for one everywhere (MOOR_TEST_HOLDER=on, below).
export interface MoorWorld {
  home: string;
  configDir: string;
  knownHosts: string;
  env: NodeJS.ProcessEnv;
}

export interface MoorRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

// MOOR_TEST_HOLDER=on (the integration-holder project in vitest.config.ts): one-shot commands run as users get them,
// through the background holder the world's first command starts, so the same e2e files check both paths. Each such
// world is listed here, and test/support/holderTeardown.ts stops its holder after the file.
export const HOLDER_ON = process.env.MOOR_TEST_HOLDER === "on";
export const worldsWithHolder: MoorWorld[] = [];

export function makeWorld(extraEnv: NodeJS.ProcessEnv = {}): MoorWorld {
  const home = mkdtempSync(join(tmpdir(), "moor-home-"));
  mkdirSync(join(home, ".ssh"), { mode: 0o700 });
  const configDir = join(home, ".config", "moor");
  const knownHosts = join(home, ".ssh", "known_hosts");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    USER: "tester",
    MOOR_CONFIG_DIR: configDir,
    MOOR_KNOWN_HOSTS: knownHosts,
    NO_COLOR: "1",
    MOOR_NO_DAEMON: HOLDER_ON ? "" : "1",
    // The run's label lets .ci/run find a holder a test left behind.
    ...(process.env.MOOR_TEST_RUN ? { MOOR_TEST_RUN: process.env.MOOR_TEST_RUN } : {}),
    ...extraEnv,
  };
  const world = { home, configDir, knownHosts, env };
  if (env.MOOR_NO_DAEMON !== "1") worldsWithHolder.push(world);
  return world;
}

// Runs the built CLI as a user would and collects exit code, stdout and stderr.
export function moor(
  world: MoorWorld,
  args: readonly string[],
  options: { input?: string | Buffer; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<MoorRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [MOOR_BIN, ...args], {
      env: { ...world.env, ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new Error(
          `moor ${args.join(" ")} did not finish within ${options.timeoutMs ?? 60_000} ms; stderr so far: ${Buffer.concat(stderr).toString()}`,
        ),
      );
    }, options.timeoutMs ?? 60_000);
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString() });
    });
    child.stdin.end(options.input ?? "");
  });
}

// Trusts the box's host key and registers it under NAME with the run's key, as a user would.
export async function addBox(world: MoorWorld, name: string, box: Box, options: { port?: number } = {}): Promise<void> {
  const port = options.port ?? box.port;
  appendFileSync(world.knownHosts, `${box.knownHostsLine(port)}\n`);
  const run = await moor(world, [
    "host",
    "add",
    name,
    `${box.user}@${box.host}`,
    "-p",
    String(port),
    "-i",
    box.privateKeyPath,
  ]);
  if (run.code !== 0) throw new Error(`moor host add ${name} failed (${run.code}): ${run.stderr}`);
}
