import type { Box } from "../test/support/box.js";
import type { MoorWorld } from "../test/support/cli.js";
import { MOOR_VERSION_ARGS, type MoorProgram } from "./moorProgram.js";
import { controlOptions, runSsh, startControlMaster, stopControlMaster, type OpenSshWorld } from "./openssh.js";
import { paneListArgv } from "./paneList.js";
import { median } from "./stats.js";
import { runTimed, succeeded } from "./timedRun.js";

// Section 1: listing every pane on 1, 4 and 8 boxes, moor against OpenSSH doing the same tmux call.

export interface ListingSetup {
  boxes: readonly Box[];
  names: readonly string[];
  world: MoorWorld;
  ssh: OpenSshWorld;
  program: MoorProgram;
  counts: readonly number[];
  runs: number;
}

interface ListingMethod {
  key: string;
  label: string;
  /** Runs in ms, per box count, in the order of counts. */
  runs: number[][];
  medians: number[];
}

export interface ListingResult {
  counts: number[];
  program: string;
  standIn: boolean;
  methods: ListingMethod[];
}

type Timer = (boxes: readonly Box[], names: readonly string[]) => Promise<number>;

export async function measureListing(setup: ListingSetup): Promise<ListingResult> {
  const { ssh, world, program } = setup;
  const list = paneListArgv();
  const oneSsh = async (box: Box, options: string[] = []) =>
    succeeded(await runSsh(ssh, box.port, list, options), `ssh to port ${box.port}`).ms;
  const sequential = (options: string[]) => async (boxes: readonly Box[]) => {
    const started = performance.now();
    for (const box of boxes) await oneSsh(box, options);
    return performance.now() - started;
  };
  const parallel = (options: string[]) => async (boxes: readonly Box[]) => {
    const started = performance.now();
    await Promise.all(boxes.map((box) => oneSsh(box, options)));
    return performance.now() - started;
  };
  const moorRun = (args: string[], what: string) => async () =>
    succeeded(await runTimed(process.execPath, args, world.env), what).ms;
  const cm = controlOptions(ssh);
  const timers: [string, string, Timer][] = [
    ["moor", program.label, (_, names) => moorRun(program.args(names), program.label)()],
    [
      "moorStartup",
      "moor --version (Node start-up alone, no connection)",
      moorRun(MOOR_VERSION_ARGS, "moor --version"),
    ],
    ["sshSequential", "ssh, one box after another", sequential([])],
    ["sshParallel", "ssh, all boxes in parallel", parallel([])],
    // ssh2 cannot do OpenSSH 9's default post-quantum key exchange (sntrup761x25519): this row separates that cost.
    [
      "sshParallelClassicKex",
      "ssh in parallel, moor's key exchange (curve25519-sha256)",
      parallel(["-o", "KexAlgorithms=curve25519-sha256"]),
    ],
    ["sshMasterSequential", "ssh over a warm ControlMaster, one after another", sequential(cm)],
    ["sshMasterParallel", "ssh over a warm ControlMaster, in parallel", parallel(cm)],
  ];
  const runs = timers.map(() => setup.counts.map((): number[] => []));
  try {
    await Promise.all(setup.boxes.map((box) => startControlMaster(ssh, box.port)));
    // One untimed round first (page cache, sshd's first fork), then rounds that interleave the methods.
    for (let round = 0; round <= setup.runs; round++) {
      for (const [countIndex, count] of setup.counts.entries()) {
        for (const [timerIndex, [, , time]] of timers.entries()) {
          const ms = await time(setup.boxes.slice(0, count), setup.names.slice(0, count));
          if (round > 0) runs[timerIndex]?.[countIndex]?.push(ms);
        }
      }
    }
  } finally {
    await Promise.all(setup.boxes.map((box) => stopControlMaster(ssh, box.port)));
  }
  return {
    counts: [...setup.counts],
    program: program.label,
    standIn: program.standIn,
    methods: timers.map(([key, label], index) => {
      const methodRuns = runs[index] ?? [];
      return { key, label, runs: methodRuns, medians: methodRuns.map(median) };
    }),
  };
}
