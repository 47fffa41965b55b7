import type { RemoteTmux } from "../remoteTmux.js";
import { programName, recognizeAgent, type AgentRules } from "../../state/index.js";
import { listPanesArgv } from "../../tmux/list.js";
import { isNoServer, tmuxFailure } from "../../tmux/stderr.js";
import type { SessionSpec } from "../sessions/sessionSpec.js";
import { STATE_ROOT } from "../sessions/statePaths.js";
import type { SessionSummary } from "./sessionSummary.js";

/** A session moor new recorded on the host and moor kill has not ended: its folder name and spec. */
export interface RecordedSession {
  session: string;
  spec: Partial<SessionSpec>;
}

// The pane list and, in the same round trip, every session moor recorded and did not end (spec.json without an
// "ended" mark), one a line: NAME, a tab, spec.json on one line. tmux's exit status is the command's.
// Arguments: SEPARATOR ROOT TMUX-ARGV...
const LIST_SCRIPT = [
  "sep=$1 root=$2; shift 2",
  '"$@"; status=$?',
  'printf "\\n%s\\n" "$sep"',
  'for d in "$root"/*/; do [ -f "$d/spec.json" ] && [ ! -e "$d/ended" ] || continue',
  '  printf "%s\\t" "$(basename "$d")"; tr "\\n" " " < "$d/spec.json"; echo',
  "done",
  "exit $status",
].join("\n");

function listWithRecordedArgv(separator: string, tmuxArgv: readonly string[]): string[] {
  return ["sh", "-c", LIST_SCRIPT, "sh", separator, STATE_ROOT, ...tmuxArgv];
}

function parseRecorded(text: string): RecordedSession[] {
  return text.split("\n").flatMap((line) => {
    const tab = line.indexOf("\t");
    if (tab <= 0) return [];
    try {
      const spec = JSON.parse(line.slice(tab + 1)) as Partial<SessionSpec>;
      return typeof spec === "object" && spec !== null ? [{ session: line.slice(0, tab), spec }] : [];
    } catch {
      return [];
    }
  });
}

/** One listing: list-panes's output ("" with no tmux server) and the recorded sessions. */
export interface Listing {
  list: string;
  recorded: RecordedSession[];
}

// One round trip: list-panes chained with the recorded sessions. No tmux server (a reboot) is an empty list.
export async function listWithRecorded(
  tmux: RemoteTmux,
  tmuxArgv: readonly string[] = listPanesArgv(),
): Promise<Listing> {
  const separator = `--moor-${Math.random().toString(36).slice(2)}--`;
  const result = await tmux.scripted(listWithRecordedArgv(separator, tmuxArgv));
  const text = result.stdout.toString();
  const cut = text.lastIndexOf(`\n${separator}\n`);
  const stderr = result.stderr.toString();
  if (result.code !== 0 && !isNoServer(stderr))
    throw tmuxFailure(stderr, result.code, { host: tmux.host, target: tmux.host, action: "listing its sessions" });
  if (cut === -1) return { list: result.code === 0 ? text : "", recorded: [] };
  return {
    list: result.code === 0 ? text.slice(0, cut + 1) : "",
    recorded: parseRecorded(text.slice(cut + separator.length + 2)),
  };
}

/** The hint every gone session carries. */
const reviveHint = (host: string, session: string): string =>
  `moor revive ${host}:${session} (or every gone session: moor revive ${host} --all)`;

// The sessions moor recorded that tmux no longer has, as `gone` rows: since their launch, with their agent.
export function goneSessions(
  host: string,
  recorded: readonly RecordedSession[],
  live: ReadonlySet<string>,
  rules: AgentRules,
): SessionSummary[] {
  return recorded.filter((entry) => !live.has(entry.session)).map((entry) => goneSummary(host, entry, rules));
}

function goneSummary(host: string, { session, spec }: RecordedSession, rules: AgentRules): SessionSummary {
  const program = spec.command?.[0] ?? "";
  const known =
    spec.agent === "none"
      ? undefined
      : (spec.agent ??
        spec.conversation?.agent ??
        recognizeAgent({ ...NO_PANE, command: programName(program) }, rules)?.agent.name);
  const created = Math.floor((Date.parse(spec.createdAt ?? "") || 0) / 1000);
  const reason = `moor started it and it is no longer on ${host}; ${reviveHint(host, session)}`;
  return {
    name: session,
    clients: 0,
    created,
    activity: created,
    state: {
      state: "gone",
      agent: known,
      reason,
      since: created * 1000,
      evidence: { rule: "recorded", region: `~/${STATE_ROOT}/${session}/spec.json`, lines: [] },
    },
    command: programName(program),
    paneId: "",
    paneActivity: 0,
    observation: NO_PANE,
    windows: [],
  };
}

const NO_PANE = {
  command: "",
  startCommand: "",
  title: "",
  dead: true,
  deadStatus: undefined,
  deadSignal: undefined,
  activity: 0,
};
