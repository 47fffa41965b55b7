import { MOOR_BIN, type MoorWorld } from "../test/support/cli.js";
import { measureMoorLiveView, type LiveViewCost, type LiveViewSetup } from "./liveView.js";
import type { MoorProgram } from "./moorProgram.js";
import { measureStateLatency, type LatencySamples } from "./stateLatency.js";
import { formatBytes, formatNumber, median } from "./stats.js";
import type { Table } from "./table.js";

// Section 3b: how watch hears of changes, tmux control mode (tmux >= 3.2) against the poll (tmux 3.1, or
// the default) on the same build, the same boxes and the same quiet sessions.

export interface PushVsPoll {
  boxes: number;
  sessions: number;
  control: LiveViewCost;
  poll: LiveViewCost;
  latency: { control: LatencySamples; poll: LatencySamples };
}

const CONTROL_ENV = { MOOR_WATCH_CONTROL: "1" };

function watchAt(label: string): MoorProgram {
  return { label, standIn: false, args: (hosts) => [MOOR_BIN, "watch", ...hosts, "--json", "--interval", "1"] };
}

export async function measurePushVsPoll(
  setup: LiveViewSetup,
  world: MoorWorld,
  names: readonly string[],
  sessions: number,
  latencyRuns: number,
  log: (message: string) => void,
  /** The poll's latency when already measured (npm run bench's section 5). */
  latencyPoll?: LatencySamples,
): Promise<PushVsPoll> {
  log(`control mode: moor watch --json --interval 1 on ${String(names.length)} boxes, ${String(setup.seconds)} s`);
  const controlWorld = { ...world, env: { ...world.env, ...CONTROL_ENV } };
  const control = await measureMoorLiveView(setup, controlWorld, names, watchAt("moor watch (control mode)"));
  log(`poll: the same without MOOR_WATCH_CONTROL=1`);
  const poll = await measureMoorLiveView(setup, world, names, watchAt("moor watch (poll)"));
  log(`screen change to state event, ${String(latencyRuns)} runs each way`);
  const latency = {
    control: await measureStateLatency(latencyRuns, CONTROL_ENV),
    poll: latencyPoll ?? (await measureStateLatency(latencyRuns)),
  };
  return { boxes: names.length, sessions, control, poll, latency };
}

export function pushVsPollTable(result: PushVsPoll, latencyRuns: number): Table {
  const perHostPerMinute = (cost: LiveViewCost) => (cost.tmuxStartsPerSecond * 60) / result.boxes;
  const bytesPerHostPerMinute = (cost: LiveViewCost) => (cost.bytesPerSecond * 60) / result.boxes;
  const seconds = (values: number[]) => `${(median(values) / 1000).toFixed(2)} s`;
  const both = <T>(pick: (cost: LiveViewCost) => T, format: (value: T) => string) => [
    format(pick(result.control)),
    format(pick(result.poll)),
  ];
  return {
    title: `3b. How watch hears of changes: tmux control mode against the poll, ${String(result.boxes)} boxes × ${String(result.sessions)} quiet sessions, ${String(Math.round(result.control.seconds))} s each`,
    head: ["", "control mode (MOOR_WATCH_CONTROL=1, tmux ≥ 3.2)", "poll (the default)", "goal (issue 21)"],
    rows: [
      [
        "tmux processes started per host per minute, at rest",
        ...both(perHostPerMinute, (v) => formatNumber(v, 1)),
        "≤ 2",
      ],
      [
        "laptop CPU of moor watch, % of one core",
        ...both(
          (c) => c.cpuPercent,
          (v) => `${formatNumber(v, 2)}%`,
        ),
        "≤ 0.8%",
      ],
      ["bytes per host per minute, at rest (both ways)", ...both(bytesPerHostPerMinute, formatBytes), "–"],
      [
        "bytes per second, all hosts",
        ...both(
          (c) => c.bytesPerSecond,
          (v) => `${formatBytes(v)}/s`,
        ),
        "≤ 1 KiB/s",
      ],
      ["peak memory of moor watch", ...both((c) => c.peakRssBytes, formatBytes), "–"],
      [
        `screen change → state event, shell → working (median of ${String(latencyRuns)})`,
        seconds(result.latency.control["shell → working"]),
        seconds(result.latency.poll["shell → working"]),
        "≤ 0.3 s",
      ],
      [
        `… working → shell (median of ${String(latencyRuns)}; includes the 0.6 s debounce)`,
        seconds(result.latency.control["working → shell"]),
        seconds(result.latency.poll["working → shell"]),
        "–",
      ],
    ],
    notes: [
      "Both columns run the same build with --interval 1; the control column sets MOOR_WATCH_CONTROL=1 (opt-in, see the README).",
      "tmux starts are counted by a wrapper around tmux in each box; bytes by a TCP proxy in front of each box (payload only).",
      "Latency: see section 5 (top -b typed at a prompt, then Ctrl-C), timed from just before the docker exec that makes the change.",
    ],
  };
}
