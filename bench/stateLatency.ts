import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { startBox } from "../test/support/box.js";
import { MOOR_BIN, addBox, makeWorld } from "../test/support/cli.js";

// Issue 11's latency figure: the time from a screen change on the box to the state change in
// `moor watch --json --interval 1`. A shell prompt (shell) starts `top -b` (an unknown program that prints:
// working), then Ctrl-C brings the prompt back (shell). Each change is made with tmux on the box, and timed from
// just before that tmux call to the watch event. Usage: node --import tsx bench/stateLatency.ts [RUNS]
const runs = Number(process.argv[2] ?? 10);
const box = await startBox();
const world = makeWorld();
try {
  await addBox(world, "box", box);
  await box.exec(["tmux", "new-session", "-d", "-s", "lat", "-x", "120", "-y", "30"]);
  const watch = spawn(process.execPath, [MOOR_BIN, "watch", "box:lat", "--json", "--interval", "1", "--no-notify"], { env: world.env, stdio: ["ignore", "pipe", "inherit"] });
  const waiters: { status: string; resolve: (at: number) => void }[] = [];
  let current = "";
  createInterface({ input: watch.stdout }).on("line", (line) => {
    const event = JSON.parse(line) as { type: string; session?: string; status?: string };
    if (event.type !== "session" || event.session !== "lat" || !event.status || event.status === current) return;
    current = event.status;
    const now = performance.now();
    for (const waiter of waiters.splice(0)) if (waiter.status === current) waiter.resolve(now);
  });
  const until = (status: string): Promise<number> => new Promise((resolve) => (current === status ? resolve(performance.now()) : waiters.push({ status, resolve })));
  await until("shell");
  const samples: Record<string, number[]> = { "shell → working": [], "working → shell": [] };
  for (let run = 0; run < runs; run++) {
    let started = performance.now();
    const working = until("working");
    await box.exec(["tmux", "send-keys", "-t", "=lat:", "top -b -d 0.3", "Enter"]);
    samples["shell → working"]?.push((await working) - started);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    started = performance.now();
    const shell = until("shell");
    await box.exec(["tmux", "send-keys", "-t", "=lat:", "C-c"]);
    samples["working → shell"]?.push((await shell) - started);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
  }
  watch.kill();
  for (const [change, values] of Object.entries(samples)) {
    const sorted = [...values].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
    console.log(`${change}: median ${(median / 1000).toFixed(2)} s, min ${((sorted[0] ?? NaN) / 1000).toFixed(2)} s, max ${((sorted.at(-1) ?? NaN) / 1000).toFixed(2)} s (${sorted.length} runs)`);
  }
} finally {
  await box.stop();
}
