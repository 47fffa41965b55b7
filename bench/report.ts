import type { ListingResult } from "./listing.js";
import type { LiveViewCost } from "./liveView.js";
import { medianOf, type RecoveryRun, type RecoveryScenario } from "./recovery.js";
import { formatBytes, formatMs, formatNumber, formatRatio, ratio } from "./stats.js";
import type { Table } from "./table.js";

// The measurements as tables: what a reader compares, with moor's cost over OpenSSH's as a ratio.

export function listingTable(result: ListingResult, runs: number, sessionsPerBox: number): Table {
  const plural = (count: number) => `${count} box${count === 1 ? "" : "es"}`;
  const byKey = (key: string) => result.methods.find((method) => method.key === key)?.medians ?? [];
  const moor = byKey("moor");
  const ratioRow = (label: string, key: string) => [
    label,
    ...byKey(key).map((value, index) => formatRatio(ratio(moor[index] ?? Number.NaN, value))),
  ];
  return {
    title: `1. Listing every session: wall time, median of ${runs} runs (${sessionsPerBox} sessions per box)`,
    head: ["", ...result.counts.map(plural)],
    rows: [
      ...result.methods.map((method) => [method.label, ...method.medians.map(formatMs)]),
      ratioRow("moor ÷ ssh one after another", "sshSequential"),
      ratioRow("moor ÷ ssh in parallel", "sshParallel"),
      ratioRow("moor ÷ ssh in parallel, same key exchange", "sshParallelClassicKex"),
      ratioRow("moor ÷ ssh over warm ControlMasters, in parallel", "sshMasterParallel"),
    ],
    notes: [
      "Every ssh row runs the remote command moor's list uses: tmux -u list-panes -a -F <moor's pane-list format>.",
      ...(result.standIn
        ? [
            "moor ls is still a placeholder in this build: the row measures bench/standIn/ls.ts, which lists through MoorContext, HostLink and RemoteTmux from dist/ in a fresh Node process, as the command will.",
          ]
        : []),
    ],
  };
}

export function recoveryTable(
  scenarios: readonly RecoveryScenario[],
  strayHandshakeErrors: number,
  handshakeTimeoutMs: number,
): Table {
  const rows: string[][] = [];
  const failures: string[] = [];
  for (const scenario of scenarios) {
    const runs = `${scenario.library.length} runs`;
    const cell = (runs: readonly RecoveryRun[], field: "detectMs" | "recoverMs") => {
      if (runs.length === 0) return "–";
      const failed = runs.filter((run) => run.failed !== undefined).length;
      const value = formatMs(medianOf(runs, field));
      return field === "recoverMs" && failed > 0 ? `${value} (${failed}/${runs.length} gave up)` : value;
    };
    const pair = (label: string, field: "detectMs" | "recoverMs") => {
      const ratioCell = formatRatio(ratio(medianOf(scenario.library, field), medianOf(scenario.ssh, field)));
      return [
        `${label} (${scenario.label}; ${runs})`,
        cell(scenario.cli, field),
        cell(scenario.library, field),
        cell(scenario.ssh, field),
        ratioCell,
      ];
    };
    rows.push(pair("drop noticed", "detectMs"), pair("working again", "recoverMs"));
    for (const [tool, list] of [
      ["moor watch", scenario.cli],
      ["HostLink", scenario.library],
    ] as const) {
      failures.push(
        ...new Set(
          list.flatMap((run) => (run.failed === undefined ? [] : [`${tool} (${scenario.label}): ${run.failed}`])),
        ),
      );
    }
  }
  const quiet = (pick: (scenario: RecoveryScenario) => RecoveryScenario["cli"]) =>
    formatMs(medianOf(scenarios.flatMap(pick), "quietMs"));
  rows.push([
    "link marked quiet (moor only: attach's banner)",
    quiet((scenario) => scenario.cli),
    quiet((scenario) => scenario.library),
    "–",
    "–",
  ]);
  const timeout = `${handshakeTimeoutMs / 1000} s`;
  return {
    title: "2. A blackholed link: noticing the drop and working again, median",
    head: ["", "moor watch (CLI)", "moor HostLink", "OpenSSH", "HostLink ÷ ssh"],
    rows,
    notes: [
      "Both keep alive every 2 s and give up after 2 unanswered (ssh: ServerAliveInterval=2, ServerAliveCountMax=2). Times start when the link goes dark, or when it is back.",
      `moor HostLink: built in-process with the live view's own link settings (WATCH_LINK: reconnect, retry forever ≤ 1 s apart, ${timeout} handshake timeout); working again = its next link.exec(["true"]) succeeded.`,
      'moor watch (CLI): `moor watch HOST --json`, timed by the "at" of its link events (down; up again). A separate process cannot see the drop in the instant it happens, so it runs only in the outage scenario.',
      `OpenSSH: a long-running \`ssh … sleep 1000\` exits (noticed); then a loop runs \`ssh -o ConnectTimeout=${handshakeTimeoutMs / 1000} … true\` every 0.5 s until it succeeds, started as soon as ssh noticed.`,
      ...failures.map((failure) => `Gave up instead of reconnecting: ${failure}.`),
      ...(strayHandshakeErrors > 0
        ? [
            `The HostLink column hit the same ${strayHandshakeErrors} time(s): ssh2 emits "Connection lost before handshake" after a handshake timeout with no error listener left (src/ssh/connect.ts), which kills a moor process; the bench caught it to keep timing.`,
          ]
        : []),
    ],
  };
}

export function liveViewTable(
  moor: LiveViewCost,
  ssh: LiveViewCost,
  boxes: number,
  sessions: number,
  standIn: boolean,
  intervalMs = 2_000,
): Table {
  const perHostPerTick = (cost: LiveViewCost): number => (cost.tmuxStartsPerSecond * intervalMs) / 1000 / boxes;
  const row = (label: string, pick: (cost: LiveViewCost) => number, format: (value: number) => string) => [
    label,
    format(pick(moor)),
    format(pick(ssh)),
    formatRatio(ratio(pick(moor), pick(ssh))),
  ];
  const parts = (cost: LiveViewCost) =>
    Object.entries(cost.cpuParts)
      .map(([name, value]) => `${name} ${formatNumber(value, 2)}%`)
      .join(", ");
  return {
    title: `3. Live view: ${boxes} boxes × ${sessions} sessions, one listing per box every 2 s, ${Math.round(moor.seconds)} s`,
    head: ["", "moor", "OpenSSH", "moor ÷ ssh"],
    rows: [
      row(
        "laptop CPU, % of one core (goal for moor ≤ 2%)",
        (cost) => cost.cpuPercent,
        (value) => `${formatNumber(value, 2)}%`,
      ),
      row(
        "bytes on the wire per second (both ways)",
        (cost) => cost.bytesPerSecond,
        (value) => `${formatBytes(value)}/s`,
      ),
      row(
        "remote tmux processes started per second",
        (cost) => cost.tmuxStartsPerSecond,
        (value) => formatNumber(value, 2),
      ),
      row("remote tmux processes per host per tick (goal for moor ≤ 1.5)", perHostPerTick, (value) =>
        formatNumber(value, 2),
      ),
      row(
        "peak memory (VmHWM of the long-lived processes; goal for moor ≤ 60 MiB)",
        (cost) => cost.peakRssBytes,
        formatBytes,
      ),
      row(
        "host listings received per second (stand-in and ssh only)",
        (cost) => cost.pollsPerSecond,
        (value) => formatNumber(value, 2),
      ),
      row(
        "local processes started per second",
        (cost) => cost.localProcessesPerSecond,
        (value) => formatNumber(value, 2),
      ),
    ],
    notes: [
      `moor: ${moor.label}, every session's state decided each tick (the state engine is always on); CPU is utime+stime of its one Node process (${parts(moor)}).`,
      `OpenSSH: ${ssh.label}; CPU is ${parts(ssh)} (clients from this process's reaped-children time); memory is the masters' only.`,
      "Bytes are counted by a TCP proxy in front of each box (payload, not TCP/IP headers); tmux starts by a wrapper around tmux in each box.",
      ...(standIn
        ? [
            "moor watch is still a placeholder in this build: the moor column measures bench/standIn/watch.ts (reconnecting HostLinks + RemoteTmux list-panes per host per tick, from dist/), not the command.",
          ]
        : []),
    ],
  };
}
