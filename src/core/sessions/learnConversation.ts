import type { RemoteExec } from "../../link/remoteExec.js";
import type { LearnSpec } from "../../state/index.js";
import { matchConversation, type AgentConversation, type LedgerEntry, type MatchResult } from "./conversationMatch.js";
import { recordConversationIdArgv } from "./remoteState.js";
import type { SessionSpec } from "./sessionSpec.js";
import { sessionSpecPath, STATE_ROOT } from "./statePaths.js";

// One round trip: the login's home, every session moor recorded on the host (folder name, launch time, learned id,
// spec.json on one line), a separator, then the agent's conversations: the first line of each of its files that
// changed since this session's launch, or what its own listing command prints in the session's folder.
// Arguments: SEPARATOR ROOT SPEC CWD MODE (files UNDER NAME | run ARGV...).
const LEARN_SCRIPT = [
  "sep=$1 root=$2 spec=$3 cwd=$4 mode=$5; shift 5",
  'printf "%s\\n" "$HOME"',
  'for d in "$root"/*/; do [ -f "$d/spec.json" ] || continue',
  '  printf "%s\\t%s\\t%s\\t" "$(basename "$d")" "$(cat "$d/launched" 2>/dev/null)" "$(cat "$d/resume-id" 2>/dev/null)"',
  '  tr "\\n" " " < "$d/spec.json"; echo',
  "done",
  'printf "%s\\n" "$sep"',
  'if [ "$mode" = files ]; then',
  '  [ -d "$1" ] && find "$1" -name "$2" -newer "$spec" -exec head -n 1 {} \\; 2>/dev/null',
  "else",
  '  cd "${cwd:-.}" && "$@" </dev/null 2>/dev/null',
  "fi",
  "exit 0",
].join("\n");

export function learnArgv(spec: SessionSpec, program: string, learn: LearnSpec, separator: string): string[] {
  const source =
    learn.files === undefined
      ? ["run", ...(learn.run ?? []).map((arg) => arg.replaceAll("{program}", program))]
      : ["files", learn.files.under, learn.files.name];
  return [
    "sh",
    "-c",
    LEARN_SCRIPT,
    "sh",
    separator,
    STATE_ROOT,
    sessionSpecPath(spec.session),
    spec.cwd ?? "",
    ...source,
  ];
}

// A folder as the agent records it: absolute, "~" and relative paths starting at the login's home.
export function absoluteFolder(cwd: string | undefined, home: string): string {
  if (cwd === undefined || cwd === "" || cwd === "~") return home;
  if (cwd.startsWith("~/")) return `${home}/${cwd.slice(2)}`;
  return cwd.startsWith("/") ? cwd : `${home}/${cwd}`;
}

function at(value: unknown, path: string): unknown {
  let here = value;
  for (const key of path.split(".")) {
    if (typeof here !== "object" || here === null) return undefined;
    here = (here as Record<string, unknown>)[key];
  }
  return here;
}

function epochMs(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

// The conversations in the agent's output: a JSON array, or one JSON object a line; what does not fit is skipped.
export function parseConversations(text: string, learn: LearnSpec): AgentConversation[] {
  const trimmed = text.trim();
  const parse = (json: string): unknown[] => {
    try {
      return [JSON.parse(json) as unknown];
    } catch {
      return [];
    }
  };
  const items = trimmed.startsWith("[")
    ? parse(trimmed).flatMap((value) => (Array.isArray(value) ? (value as unknown[]) : []))
    : trimmed.split("\n").flatMap(parse);
  return items.flatMap((item) => {
    const id = at(item, learn.id);
    const cwd = at(item, learn.cwd);
    const created = epochMs(at(item, learn.created));
    return typeof id === "string" && typeof cwd === "string" && created !== undefined ? [{ id, cwd, created }] : [];
  });
}

// The ledger lines: FOLDER, LAUNCHED (epoch ms), LEARNED ID and the spec on one line, split by tabs.
export function parseLedger(lines: readonly string[], home: string): LedgerEntry[] {
  return lines.flatMap((line) => {
    const [session = "", launched = "", id = "", ...rest] = line.split("\t");
    try {
      const spec = JSON.parse(rest.join("\t")) as Partial<SessionSpec>;
      const agent = spec.conversation?.agent;
      if (agent === undefined) return [];
      const ms = Number.parseInt(launched, 10);
      return [
        {
          session,
          agent,
          cwd: absoluteFolder(spec.cwd, home),
          launched: Number.isNaN(ms) ? Date.parse(spec.createdAt ?? "") : ms,
          id: spec.conversation?.id ?? (id.trim() === "" ? undefined : id.trim()),
        },
      ];
    } catch {
      return [];
    }
  });
}

// Learns the conversation of a session whose agent could not be told its id, and records it beside the spec so
// later revives use it. Two round trips: the listing, then the record.
export async function learnConversation(
  remote: RemoteExec,
  spec: SessionSpec,
  program: string,
  learn: LearnSpec,
): Promise<MatchResult> {
  const separator = `--moor-${Math.random().toString(36).slice(2)}--`;
  const result = await remote.exec(learnArgv(spec, program, learn, separator));
  const text = result.stdout.toString();
  const cut = text.indexOf(`\n${separator}\n`);
  if (result.code !== 0 || cut === -1)
    return { id: null, why: `could not list the agent's conversations on ${remote.label}` };
  const [home = "", ...ledgerLines] = text.slice(0, cut).split("\n");
  const ledger = parseLedger(ledgerLines, home);
  const mine = ledger.find((entry) => entry.session === spec.session);
  if (mine === undefined) return { id: null, why: "the session's launch is not recorded" };
  const matched = matchConversation(mine, ledger, parseConversations(text.slice(cut + separator.length + 2), learn));
  if (matched.id !== null) await remote.exec(recordConversationIdArgv(spec.session, matched.id));
  return matched;
}
