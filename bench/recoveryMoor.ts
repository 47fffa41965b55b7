import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import type { MoorWorld } from "../test/support/cli.js";
import type { FlakyLink } from "../test/support/flakyLink.js";
import type { HostLink } from "../src/link/hostLink.js";
import type { LinkState } from "../src/link/linkState.js";
import type { MoorProgram } from "./moorProgram.js";
import type { RecoveryRun } from "./recovery.js";
import { sleep } from "./stats.js";

// moor through a flaky link, two ways: the library's HostLink in this process, and the real CLI's
// `moor watch --json`, timed by the "at" of its link events.

export async function libraryRecoveryRun(
  link: HostLink,
  flaky: FlakyLink,
  outageMs: number | undefined,
): Promise<RecoveryRun> {
  const run: RecoveryRun = { detectMs: Number.NaN, recoverMs: Number.NaN };
  try {
    await link.exec(["true"]);
    const started = performance.now();
    const quiet = whenState(link, "quiet", started);
    const down = whenState(link, "down", started);
    await flaky.setMode("blackhole");
    run.detectMs = await down;
    run.quietMs = await Promise.race([quiet, Promise.resolve(Number.NaN)]);
    if (outageMs !== undefined) await sleep(Math.max(0, outageMs - (performance.now() - started)));
    await flaky.setMode("up");
    const up = performance.now();
    const result = await link.exec(["true"]);
    if (result.code !== 0) throw new Error(`the exec after the link returned exited ${result.code}`);
    run.recoverMs = performance.now() - up;
  } catch (error) {
    run.failed = error instanceof Error ? error.message : String(error);
    if (flaky.mode !== "up") await flaky.setMode("up");
  } finally {
    link.close();
  }
  return run;
}

function whenState(link: HostLink, kind: LinkState["kind"], since: number): Promise<number> {
  return new Promise((resolve) => {
    const listener = (state: LinkState) => {
      if (state.kind !== kind) return;
      link.events.off("state", listener);
      resolve(performance.now() - since);
    };
    link.events.on("state", listener);
  });
}

interface LinkEvent {
  kind: string;
  at: number;
  reason?: string;
}

export async function cliRecoveryRun(
  program: MoorProgram,
  world: MoorWorld,
  host: string,
  flaky: FlakyLink,
  outageMs: number,
): Promise<RecoveryRun> {
  const child = spawn(process.execPath, program.args([host]), { env: world.env, stdio: ["ignore", "pipe", "pipe"] });
  const links: LinkEvent[] = [];
  let sessions = 0;
  let stderr = "";
  let exitCode: number | null | undefined;
  const closed = new Promise<void>((resolve) => child.once("close", (code) => resolve(void (exitCode = code))));
  child.stderr.on("data", (data: Buffer) => (stderr += data.toString()));
  createInterface({ input: child.stdout }).on("line", (line) => {
    const event = parse(line);
    if (event?.type === "link" && typeof event.kind === "string" && typeof event.at === "number") {
      links.push({
        kind: event.kind,
        at: event.at,
        ...(typeof event.reason === "string" ? { reason: event.reason } : {}),
      });
    }
    if (event?.type === "session") sessions++;
  });
  const crash = () => stderr.split("\n").find((line) => /^\w*Error\b/.test(line)) ?? `exited ${String(exitCode)}`;
  const linkEvent = async (kind: string, since: number, timeoutMs: number): Promise<number | undefined> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = links.find((event) => event.kind === kind && event.at >= since);
      if (found) return found.at;
      if (links.some((event) => event.kind === "failed" && event.at >= since)) return undefined;
      if (exitCode !== undefined || Date.now() > deadline) return undefined;
      await sleep(20);
    }
  };
  try {
    const ready = Date.now();
    if ((await linkEvent("up", ready - 60_000, 20_000)) === undefined || !(await until(() => sessions > 0, 10_000))) {
      throw new Error(`${program.label} did not come up through the flaky link: ${crash()} ${stderr.trim()}`);
    }
    const started = Date.now();
    await flaky.setMode("blackhole");
    const down = await linkEvent("down", started, 30_000);
    const quiet = links.find((event) => event.kind === "quiet" && event.at >= started);
    await sleep(Math.max(0, outageMs - (Date.now() - started)));
    await flaky.setMode("up");
    const back = Date.now();
    const up = await linkEvent("up", back, 30_000);
    const run: RecoveryRun = {
      detectMs: down === undefined ? Number.NaN : down - started,
      recoverMs: up === undefined ? Number.NaN : up - back,
    };
    if (quiet) run.quietMs = quiet.at - started;
    const failed = links.find((event) => event.kind === "failed" && event.at >= back);
    if (up === undefined)
      run.failed = failed
        ? `link failed: ${failed.reason ?? "?"}`
        : exitCode === undefined
          ? "not back within 30 s"
          : crash();
    return run;
  } finally {
    child.kill("SIGTERM");
    await Promise.race([closed, sleep(5_000)]);
  }
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

function parse(line: string): { type?: unknown; kind?: unknown; at?: unknown; reason?: unknown } | undefined {
  try {
    return JSON.parse(line) as { type?: unknown; kind?: unknown; at?: unknown; reason?: unknown };
  } catch {
    return undefined;
  }
}
