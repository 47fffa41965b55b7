// Issue 20's numbers on one box behind 8 links of its own (8 hosts), with the holder warm: `ls` with one host dark
// (through the holder, and direct), a 120 KB non-ASCII send's exactness at prefixes of 0-3 bytes, and a warm `peek`
// against `node -e 0`. Run after `. docker/provision.sh`: node --import tsx bench/engineChecks.ts. Measured, never
// asserted.
import { spawnSync } from "node:child_process";
import { startBox } from "../test/support/box.js";
import { addBox, moor } from "../test/support/cli.js";
import { startFlakyLink, type FlakyLink } from "../test/support/flakyLink.js";
import { holderWorld, stopHolder, waitForHolder } from "../test/support/holder.js";
import { recorded, run, startRecorder } from "../test/e2e/support/boxFiles.js";

const HOSTS = Number(process.env.BENCH_HOSTS ?? "8");
const RUNS = Number(process.env.BENCH_RUNS ?? "9");
const say = (line: string): void => void process.stdout.write(`${line}\n`);
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function timed(what: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await what();
  return performance.now() - started;
}

async function main(): Promise<void> {
  const box = await startBox();
  const world = holderWorld();
  const links: FlakyLink[] = [];
  const pids: number[] = [];
  try {
    for (let index = 1; index <= HOSTS; index++) {
      const link = await startFlakyLink(box.host, box.port);
      links.push(link);
      await addBox(world, `h${String(index)}`, box, { port: link.port });
    }
    await run(box, ["tmux", "new-session", "-d", "-s", "s", "-x", "120", "-y", "24", "seq 1 50; exec cat"]);
    await moor(world, ["ls"]);
    for (let index = 1; index <= HOSTS; index++)
      pids.push((await waitForHolder(world, `h${String(index)}`, 120_000)).pid);
    say(`load average at start: ${spawnSync("cat", ["/proc/loadavg"], { encoding: "utf8" }).stdout.trim()}`);

    const node: number[] = [];
    const peek: number[] = [];
    for (let index = 0; index < RUNS; index++) {
      node.push(await timed(() => Promise.resolve(spawnSync(process.execPath, ["-e", "0"]))));
      peek.push(
        await timed(async () => {
          const result = await moor(world, ["peek", "h1:s", "-n", "5"]);
          if (result.code !== 0) throw new Error(`peek failed: ${result.stderr}`);
        }),
      );
    }
    say(
      `warm peek: median ${median(peek).toFixed(0)} ms; node -e 0: median ${median(node).toFixed(0)} ms (${String(RUNS)} runs each)`,
    );

    await (links[HOSTS - 1] as FlakyLink).setMode("blackhole");
    const held = await timed(() => moor(world, ["ls"]));
    const direct = await timed(() => moor(world, ["ls"], { env: { MOOR_NO_DAEMON: "1" } }));
    say(
      `ls, 1 of ${String(HOSTS)} hosts dark: ${(held / 1000).toFixed(1)} s through the warm holder, ${(direct / 1000).toFixed(1)} s direct`,
    );
    await (links[HOSTS - 1] as FlakyLink).setMode("up");

    const exact: string[] = [];
    for (const prefix of [0, 1, 2, 3]) {
      const text = `${"x".repeat(prefix)}${"é".repeat(60_000)}`;
      const path = await startRecorder(box, `big${String(prefix)}`);
      const sent = await moor(world, ["send", `h1:big${String(prefix)}`, "--no-enter", text]);
      const got = sent.code === 0 ? await recorded(box, path, Buffer.byteLength(text)) : Buffer.alloc(0);
      exact.push(
        `prefix ${String(prefix)}: ${got.equals(Buffer.from(text)) ? "exact" : `CHANGED (exit ${String(sent.code)})`}`,
      );
    }
    say(`120 KB non-ASCII send through the holder: ${exact.join(", ")}`);
  } finally {
    await stopHolder(world, pids);
    for (const link of links) await link.close();
    await box.stop();
  }
}

await main();
