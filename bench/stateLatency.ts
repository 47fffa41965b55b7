import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { startBox } from "../test/support/box.js";
import { MOOR_BIN, addBox, makeWorld } from "../test/support/cli.js";
import { median } from "./stats.js";
import type { Table } from "./table.js";

// Section 5: the time from a screen change on the box to the state change in `moor watch --json --interval 1`.
// A shell prompt (shell) starts `top -b` (an unknown program that prints: working), then Ctrl-C brings the prompt
// back (shell). Each change is made with tmux on the box, and timed from just before that tmux call to the watch event.

export type LatencySamples = Record<"shell → working" | "working → shell", number[]>;

/** extraEnv: MOOR_WATCH_CONTROL=1 measures tmux control mode on the same build. */
export async function measureStateLatency(runs: number, extraEnv: NodeJS.ProcessEnv = {}): Promise<LatencySamples> {
  const box = await startBox();
  const world = makeWorld(extraEnv);
  try {
    await addBox(world, "box", box);
    await box.exec(["tmux", "new-session", "-d", "-s", "lat", "-x", "120", "-y", "30"]);
    const watch = spawn(process.execPath, [MOOR_BIN, "watch", "box:lat", "--json", "--interval", "1", "--no-notify"], {
      env: world.env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    const waiters: { status: string; resolve: (at: number) => void }[] = [];
    let current = "";
    createInterface({ input: watch.stdout }).on("line", (line) => {
      const event = JSON.parse(line) as { type: string; session?: string; status?: string };
      if (event.type !== "session" || event.session !== "lat" || !event.status || event.status === current) return;
      current = event.status;
      const now = performance.now();
      for (const waiter of waiters.splice(0)) if (waiter.status === current) waiter.resolve(now);
    });
    const until = (status: string): Promise<number> =>
      new Promise((resolve) => (current === status ? resolve(performance.now()) : waiters.push({ status, resolve })));
    await until("shell");
    const samples: LatencySamples = { "shell → working": [], "working → shell": [] };
    for (let run = 0; run < runs; run++) {
      let started = performance.now();
      const working = until("working");
      await box.exec(["tmux", "send-keys", "-t", "=lat:", "top -b -d 0.3", "Enter"]);
      samples["shell → working"].push((await working) - started);
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      started = performance.now();
      const shell = until("shell");
      await box.exec(["tmux", "send-keys", "-t", "=lat:", "C-c"]);
      samples["working → shell"].push((await shell) - started);
      await new Promise((resolve) => setTimeout(resolve, 2_500));
    }
    watch.kill();
    return samples;
  } finally {
    await box.stop();
  }
}

export function stateLatencyTable(samples: LatencySamples, runs: number): Table {
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  return {
    title: `5. Session states: from a screen change to the state change in moor watch --json --interval 1, ${String(runs)} runs each`,
    head: ["", "median (goal ≤ 1.5 s)", "fastest", "slowest"],
    rows: Object.entries(samples).map(([change, values]) => [
      change,
      seconds(median(values)),
      seconds(Math.min(...values)),
      seconds(Math.max(...values)),
    ]),
    notes: [
      "shell → working: `top -b -d 0.3` typed at a shell prompt (an unknown program that prints); working → shell: Ctrl-C, back at the prompt. Each is made with tmux on the box and timed from just before that tmux call to the watch event.",
      "The poll interval bounds it: a change lands between two listings (1 s apart), then the state engine's 0.6 s debounce holds a lower state (working → shell) before it is shown. Section 3b has control mode's figures beside the poll's.",
    ],
  };
}
