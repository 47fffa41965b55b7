// `npm run bench:push`: only section 3b of `npm run bench` (control mode against the poll), for a quick look.
// BENCH_BOXES (8), BENCH_LIVE_SECONDS (60), BENCH_LATENCY_RUNS (6).
import { writeFileSync } from "node:fs";
import { stopAllBoxes } from "../test/support/box.js";
import { startCountingProxy, type CountingProxy } from "./countingProxy.js";
import { addSessions, installTmuxCounter, registerHosts, startBoxes, tmuxVersion } from "./fleet.js";
import { describeMachine, machineLine } from "./machine.js";
import { prepareClockTicks } from "./procStats.js";
import { measurePushVsPoll, pushVsPollTable } from "./pushVsPoll.js";
import { renderMarkdown, renderText } from "./table.js";

const BOXES = Number(process.env.BENCH_BOXES ?? "8");
const SECONDS = Number(process.env.BENCH_LIVE_SECONDS ?? "60");
const LATENCY_RUNS = Number(process.env.BENCH_LATENCY_RUNS ?? "6");
const SESSIONS = 10;
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

async function main(): Promise<void> {
  if (process.env.MOOR_TEST_NETWORK !== "host")
    throw new Error("the boxes need host networking: run `. docker/provision.sh` in this shell first");
  prepareClockTicks();
  const startedAt = new Date().toISOString();
  log(`starting ${String(BOXES)} boxes × ${String(SESSIONS)} sessions`);
  const boxes = await startBoxes(BOXES);
  await Promise.all(
    boxes.map(async (box) => {
      await addSessions(box, 1, SESSIONS);
      await installTmuxCounter(box);
    }),
  );
  const machine = machineLine(describeMachine(await tmuxVersion(boxes[0]!)));
  log(machine);
  const proxies: CountingProxy[] = [];
  try {
    for (const box of boxes) proxies.push(await startCountingProxy(box.host, box.port));
    const ports = proxies.map((proxy) => proxy.port);
    const setup = {
      boxes,
      ports,
      bytes: () => proxies.reduce((sum, proxy) => sum + proxy.bytes(), 0),
      seconds: SECONDS,
      intervalMs: 1_000,
    };
    const { world, names } = await registerHosts(boxes, "live", ports);
    const result = await measurePushVsPoll(setup, world, names, SESSIONS, LATENCY_RUNS, log);
    const table = pushVsPollTable(result, LATENCY_RUNS);
    process.stdout.write(`${renderText(table)}\n`);
    const markdown = `# npm run bench:push, ${startedAt}\n\n${machine}\n\n${renderMarkdown(table)}\n\n\`\`\`json\n${JSON.stringify(result, null, 1)}\n\`\`\`\n`;
    writeFileSync(new URL(`./push-results-${String(BOXES)}.md`, import.meta.url), markdown);
  } finally {
    await Promise.all(proxies.map((proxy) => proxy.close()));
  }
}

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
} finally {
  await stopAllBoxes();
}
