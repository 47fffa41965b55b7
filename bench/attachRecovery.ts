// `node --import tsx bench/attachRecovery.ts` (after `npm run build` and `. docker/provision.sh`): how moor attach
// rides out link faults, seen on a real terminal. Measured, never asserted; prints a table.
import { startBox, stopAllBoxes, type Box } from "../test/support/box.js";
import { addBox, makeWorld, MOOR_BIN, type MoorWorld } from "../test/support/cli.js";
import { startFlakyLink, type FlakyLink } from "../test/support/flakyLink.js";
import { LocalTerminal } from "../test/support/terminal.js";

/** Each blackhole run lasts a different time, so the link returns at a different point of a reconnect attempt. */
const OUTAGES_MS = (process.env.BENCH_OUTAGES_MS ?? "8000,9000,10000,11000,12000").split(",").map(Number);
const PAUSE_RUNS = Number(process.env.BENCH_PAUSE_RUNS ?? "5");
const TICKER = "sh -c 'i=0; while :; do i=$((i+1)); echo tick $i; sleep 1; done'";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const lastTick = (screen: string) =>
  Math.max(0, ...[...screen.matchAll(/tick (\d+)/g)].map((match) => Number(match[1])));

interface Rig {
  box: Box;
  link: FlakyLink;
  world: MoorWorld;
}

async function attached(rig: Rig): Promise<LocalTerminal> {
  const terminal = await LocalTerminal.start([process.execPath, MOOR_BIN, "attach", "box:bench"], {
    env: rig.world.env,
    cols: 100,
    rows: 30,
  });
  await terminal.waitFor(/tick \d+/, 20_000);
  return terminal;
}

async function clients(rig: Rig): Promise<string> {
  return (await rig.box.exec(["tmux", "list-clients", "-t", "=bench", "-F", "#{client_tty}"])).stdout.trim();
}

/** Blackhole for outageMs, then up: drop→banner, drop→"down", up→screen restored (banner gone, ticks moving). */
async function blackholeRun(rig: Rig, outageMs: number): Promise<number[]> {
  const terminal = await attached(rig);
  try {
    const dropped = Date.now();
    await rig.link.setMode("blackhole");
    const banner = await terminal.waitFor(/quiet for \d+s/, 15_000);
    const down = (await terminal.waitFor(/down for \d+s/, 15_000)) + banner;
    await sleep(Math.max(0, dropped + outageMs - Date.now()));
    const before = lastTick(await terminal.screen());
    const upAt = Date.now();
    await rig.link.setMode("up");
    for (;;) {
      const screen = await terminal.screen();
      if (!/reconnecting/.test(screen) && lastTick(screen) > before) break;
      if (Date.now() - upAt > 60_000) throw new Error(`screen not restored within 60 s:\n${screen}`);
      await sleep(25);
    }
    return [banner, down, Date.now() - upAt];
  } finally {
    await rig.link.setMode("up");
    await terminal.close();
  }
}

/** A 2 s pause: did the client get replaced (a re-attach), and did a banner show at all? */
async function pauseRun(rig: Rig): Promise<{ reattached: boolean; banner: boolean }> {
  const terminal = await attached(rig);
  try {
    const before = await clients(rig);
    await rig.link.setMode("pause");
    let banner = false;
    const until = Date.now() + 2_000;
    while (Date.now() < until) {
      banner ||= /reconnecting/.test(await terminal.screen());
      await sleep(50);
    }
    await rig.link.setMode("up");
    const settle = Date.now() + 4_000;
    while (Date.now() < settle) {
      banner ||= /reconnecting/.test(await terminal.screen());
      await sleep(50);
    }
    return { reattached: (await clients(rig)) !== before, banner };
  } finally {
    await terminal.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  if (process.env.MOOR_TEST_NETWORK !== "host") throw new Error("run `. docker/provision.sh` in this shell first");
  const box = await startBox();
  const link = await startFlakyLink(box.host, box.port);
  try {
    const world = makeWorld();
    await addBox(world, "box", box, { port: link.port });
    await box.exec(["tmux", "new-session", "-d", "-s", "bench", TICKER]);
    const rig = { box, link, world };
    const runs: number[][] = [];
    for (const outage of OUTAGES_MS) {
      runs.push(await blackholeRun(rig, outage));
      process.stderr.write(`blackhole ${outage} ms: ${JSON.stringify(runs.at(-1))}\n`);
    }
    const pauses = [];
    for (let run = 0; run < PAUSE_RUNS; run++) pauses.push(await pauseRun(rig));
    const column = (index: number) => runs.map((run) => run[index] ?? Number.NaN);
    const row = (label: string, values: number[]) =>
      `${label.padEnd(30)} ${String(median(values)).padStart(7)} ms   runs: ${values.join(", ")}`;
    process.stdout.write(
      [
        `moor attach through a flaky link (keepalive 2 s × 2; outages ${OUTAGES_MS.join(", ")} ms), median of ${runs.length}`,
        row("drop → banner on screen", column(0)),
        row("drop → banner says down", column(1)),
        row("up → screen restored", column(2)),
        `2 s pause, ${pauses.length} runs: re-attached ${pauses.filter((p) => p.reattached).length}×, banner seen ${pauses.filter((p) => p.banner).length}×`,
      ].join("\n") + "\n",
    );
  } finally {
    await link.close();
    await stopAllBoxes();
  }
}

await main();
