import type { Box } from "../test/support/box.js";
import { MOOR_BIN, type MoorWorld } from "../test/support/cli.js";
import { capturePaneArgv } from "../src/tmux/capture.js";
import { paneTarget } from "../src/tmux/target.js";
import { MOOR_VERSION_ARGS } from "./moorProgram.js";
import { controlOptions, runSsh, startControlMaster, stopControlMaster, type OpenSshWorld } from "./openssh.js";
import { paneListArgv } from "./paneList.js";
import { formatMs, formatRatio, median, ratio, sleep } from "./stats.js";
import type { Table } from "./table.js";
import { runTimed, succeeded } from "./timedRun.js";

// One-shot commands with everything warm: moor through its background holder (warm links) against ssh over warm
// ControlMasters, and moor's start-up against Node's own.

export interface WarmSetup {
  boxes: readonly Box[];
  names: readonly string[];
  /** A world whose commands use the holder (MOOR_NO_DAEMON unset). */
  world: MoorWorld;
  ssh: OpenSshWorld;
  counts: readonly number[];
  runs: number;
}

interface WarmRow {
  key: string;
  label: string;
  /** One list of runs (ms) per column. */
  runs: number[][];
  medians: number[];
}

export interface WarmResult {
  counts: number[];
  rows: WarmRow[];
  holderServed: boolean;
}

type Timer = (count: number) => Promise<number>;

async function holderUp(world: MoorWorld, names: readonly string[]): Promise<boolean> {
  for (let tries = 0; tries < 100; tries++) {
    const status = await runTimed(process.execPath, [MOOR_BIN, "daemon", "status", "--json"], world.env);
    const parsed = JSON.parse(status.stdout || "{}") as { running?: boolean; hosts?: { host: string; link: string }[] };
    const up = new Set(parsed.hosts?.filter((host) => host.link === "up").map((host) => host.host));
    if (parsed.running && names.every((name) => up.has(name))) return true;
    await sleep(100);
  }
  return false;
}

export async function measureWarm(setup: WarmSetup): Promise<WarmResult> {
  const { world, ssh, boxes, names } = setup;
  const moor = (args: string[], what: string) => async () =>
    succeeded(await runTimed(process.execPath, args, world.env), what).ms;
  const cm = controlOptions(ssh);
  const sshOnce = async (box: Box, argv: readonly string[]) =>
    succeeded(await runSsh(ssh, box.port, argv, cm), `ssh to port ${box.port}`).ms;
  const peekArgv = capturePaneArgv(paneTarget("s1"), { lines: 40 });
  const first = boxes[0] as Box;
  const lsTimers: [string, string, Timer][] = [
    [
      "moorLs",
      "moor ls --json, warm (through the holder)",
      (count) => moor([MOOR_BIN, "ls", ...names.slice(0, count), "--json"], "moor ls")(),
    ],
    [
      "sshLs",
      "ssh over warm ControlMasters, in parallel",
      async (count) => {
        const started = performance.now();
        await Promise.all(boxes.slice(0, count).map((box) => sshOnce(box, paneListArgv())));
        return performance.now() - started;
      },
    ],
  ];
  const oneTimers: [string, string, () => Promise<number>][] = [
    [
      "moorPeek",
      "moor peek -n 40, warm (through the holder)",
      moor([MOOR_BIN, "peek", `${names[0] ?? "box1"}:s1`, "-n", "40"], "moor peek"),
    ],
    ["sshPeek", "ssh over a warm ControlMaster: the same capture-pane", () => sshOnce(first, peekArgv)],
    ["moorVersion", "moor --version", moor(MOOR_VERSION_ARGS, "moor --version")],
    [
      "nodeEmpty",
      "node -e 0",
      async () => succeeded(await runTimed(process.execPath, ["-e", "0"], world.env), "node -e 0").ms,
    ],
  ];
  const lsRuns = lsTimers.map(() => setup.counts.map((): number[] => []));
  const oneRuns = oneTimers.map((): number[] => []);
  try {
    await Promise.all(boxes.map((box) => startControlMaster(ssh, box.port)));
    await moor([MOOR_BIN, "ls", ...names, "--json"], "moor ls (starting the holder)")();
    const holderServed = await holderUp(world, names);
    for (let round = 0; round <= setup.runs; round++) {
      for (const [countIndex, count] of setup.counts.entries()) {
        for (const [index, [, , time]] of lsTimers.entries()) {
          const ms = await time(count);
          if (round > 0) lsRuns[index]?.[countIndex]?.push(ms);
        }
      }
      for (const [index, [, , time]] of oneTimers.entries()) {
        const ms = await time();
        if (round > 0) oneRuns[index]?.push(ms);
      }
    }
    const rows: WarmRow[] = [
      ...lsTimers.map(([key, label], index) => ({
        key,
        label,
        runs: lsRuns[index] ?? [],
        medians: (lsRuns[index] ?? []).map(median),
      })),
      ...oneTimers.map(([key, label], index) => ({
        key,
        label,
        runs: [oneRuns[index] ?? []],
        medians: [median(oneRuns[index] ?? [])],
      })),
    ];
    return { counts: [...setup.counts], rows, holderServed };
  } finally {
    await runTimed(process.execPath, [MOOR_BIN, "daemon", "stop"], world.env).catch(() => undefined);
    await Promise.all(boxes.map((box) => stopControlMaster(ssh, box.port)));
  }
}

export function warmTable(result: WarmResult, runs: number, coldLs8: number, sshParallel8: number): Table {
  const plural = (count: number) => `${count} box${count === 1 ? "" : "es"}`;
  const row = (key: string) => result.rows.find((candidate) => candidate.key === key)?.medians ?? [];
  const one = (key: string) => row(key)[0] ?? Number.NaN;
  const ls = row("moorLs");
  const ssh = row("sshLs");
  const blank = result.counts.slice(1).map(() => "");
  return {
    title: `4. One-shot commands with everything warm, median of ${runs} runs`,
    head: ["", ...result.counts.map(plural)],
    rows: [
      ...result.rows
        .filter((candidate) => candidate.key.endsWith("Ls"))
        .map((candidate) => [candidate.label, ...candidate.medians.map(formatMs)]),
      [
        "warm moor ls ÷ ssh over warm ControlMasters in parallel (goal ≤ 2.0×)",
        ...ls.map((value, index) => formatRatio(ratio(value, ssh[index] ?? Number.NaN))),
      ],
      ["cold moor ls ÷ 8 parallel ssh (table 1; goal ≤ 0.75×)", "", "", formatRatio(ratio(coldLs8, sshParallel8))],
      ...result.rows
        .filter((candidate) => !candidate.key.endsWith("Ls"))
        .map((candidate) => [candidate.label, formatMs(candidate.medians[0] ?? Number.NaN), ...blank]),
      [
        "warm moor peek ÷ one ssh over a ControlMaster (goal ≤ 2.0×)",
        formatRatio(ratio(one("moorPeek"), one("sshPeek"))),
        ...blank,
      ],
      ["moor --version ÷ node -e 0 (goal ≤ 2.5×)", formatRatio(ratio(one("moorVersion"), one("nodeEmpty"))), ...blank],
      [
        "node -e 0 ÷ one ssh over a ControlMaster (Node's start-up alone: the floor for any command in Node)",
        formatRatio(ratio(one("nodeEmpty"), one("sshPeek"))),
        ...blank,
      ],
    ],
    notes: [
      "Warm: the background holder (moor daemon) holds one link per box, started by a first `moor ls` that is not timed; each timed command is a fresh moor process whose thin client (dist/quick.js) hands the whole command to the holder over its Unix socket; the holder runs it over its links and streams the output back.",
      "ssh: the same remote command over a ControlMaster started beforehand (ControlPersist), as a user who set up multiplexing has it.",
      ...(result.holderServed
        ? []
        : ["The holder did not hold up links to every box before timing: the warm rows measured direct connections."]),
    ],
  };
}
