import { sessionNotesPath, sessionStateDir } from "./statePaths.js";

// Exit statuses of the scripts below that are not tmux's (tmux exits 0 or 1, a missing program 127).
export const STATE_EXIT = {
  /** The session's state folder does not exist (and the script was not asked to create it). */
  missing: 44,
  /** --cwd names no directory on the remote. */
  noCwd: 45,
  /** The state folder or spec.json could not be written. */
  unwritable: 46,
  /** spec.json is there but could not be read. */
  unreadable: 47,
} as const;

// Runs in the login's home. spec.json is written beside the session only once tmux has made it, so a refused
// "duplicate session" leaves the existing session's spec untouched; with it go the launch time on the remote's clock
// ("launched", epoch ms, which orders conversations learned later) and a clean ledger (no learned id). A session made again
// is no longer "ended" (killed by moor). umask 077 keeps the state (the agent's transcript among it) private whatever
// the login's umask. Arguments: DIR SPEC CWD TMUX-ARGV...
const CREATE_SCRIPT = [
  "umask 077; dir=$1 spec=$2 cwd=$3; shift 3",
  // Epoch ms where date has %N (GNU, busybox), else whole seconds: never later than the launch.
  'launched_ms() { t=$(date +%s%N 2>/dev/null); case $t in ""|*[!0-9]*) echo "$(date +%s)000";; *) echo $((t / 1000000));; esac; }',
  `if [ -n "$cwd" ] && [ ! -d "$cwd" ]; then echo "no such directory: $cwd" >&2; exit ${STATE_EXIT.noCwd}; fi`,
  `mkdir -p "$dir" || exit ${STATE_EXIT.unwritable}`,
  `if [ -n "$spec" ]; then cat > "$spec.new" || exit ${STATE_EXIT.unwritable}; fi`,
  'started=$(launched_ms); "$@"; status=$?',
  'if [ -n "$spec" ]; then if [ $status -eq 0 ]; then mv -f "$spec.new" "$spec"; echo "$started" > "$dir/launched"; rm -f "$dir/resume-id"; else rm -f "$spec.new"; fi; fi',
  'if [ $status -eq 0 ]; then rm -f "$dir/ended"; fi',
  "exit $status",
].join("\n");

// "~" and "~/x" as the script sees them: it runs in home, where tmux also resolves a relative -c.
function homeRelative(path: string): string {
  if (path === "~") return ".";
  return path.startsWith("~/") ? path.slice(2) || "." : path;
}

// Where the create script puts things, and the tmux invocation it ends with.
export interface CreateOptions {
  session: string;
  /** Where spec.json goes; absent (revive) leaves the recorded one as it is. The spec is the command's stdin. */
  specPath?: string;
  cwd?: string;
  tmuxArgv: readonly string[];
}

// One round trip: check --cwd, make the state folder, write spec.json from stdin, and run the tmux invocation.
export function createSessionArgv(options: CreateOptions): string[] {
  const cwd = options.cwd === undefined ? "" : homeRelative(options.cwd);
  return [
    "sh",
    "-c",
    CREATE_SCRIPT,
    "sh",
    sessionStateDir(options.session),
    options.specPath ?? "",
    cwd,
    ...options.tmuxArgv,
  ];
}

// Arguments: the state folder, then the notes file, both relative to home (where ssh commands start).
// umask 077: a folder or notes file made here is the login's alone.
function withNotes(session: string, script: string, create: boolean): string[] {
  const enter = `umask 077; ${create ? 'mkdir -p "$1" && ' : ""}[ -d "$1" ] || exit ${STATE_EXIT.missing}`;
  return ["sh", "-c", `${enter}\n${script}`, "sh", sessionStateDir(session), sessionNotesPath(session)];
}

// Prints the notes (nothing when there are none yet); exits STATE_EXIT.missing without a state folder.
export function readNotesArgv(session: string): string[] {
  return withNotes(session, '[ ! -e "$2" ] || exec cat "$2"', false);
}

// Appends stdin, first ending an unterminated last line so the new text starts a line of its own.
export function appendNotesArgv(session: string, create: boolean): string[] {
  return withNotes(
    session,
    'if [ -s "$2" ] && [ -n "$(tail -c 1 "$2")" ]; then echo >> "$2"; fi\nexec cat >> "$2"',
    create,
  );
}

// Replaces the notes with stdin atomically: a link that drops half-way leaves the old notes, never half of the new.
export function replaceNotesArgv(session: string, create: boolean): string[] {
  return withNotes(session, 'cat > "$2.new" && mv -f "$2.new" "$2"', create);
}

// Prints spec.json, the launch time, the learned conversation id and the agent's version, each ended by the
// separator ($2); exits STATE_EXIT.missing when there is no spec, unreadable when it cannot be read.
export function readSessionStateArgv(session: string, separator: string): string[] {
  const script = [
    `[ -e "$1/spec.json" ] || exit ${STATE_EXIT.missing}`,
    `cat "$1/spec.json" || exit ${STATE_EXIT.unreadable}`,
    'for f in launched resume-id agent-version; do printf "\\n%s\\n" "$2"; cat "$1/$f" 2>/dev/null; done',
    "exit 0",
  ].join("\n");
  return ["sh", "-c", script, "sh", sessionStateDir(session), separator];
}

// Runs ARGV (the agent's --version) in the background and keeps its first line as the session's "agent-version":
// the command returns at once, and a slow or missing agent never holds up `moor new`.
export function recordAgentVersionArgv(session: string, argv: readonly string[]): string[] {
  const script =
    'dir=$1; shift; ( umask 077; "$@" </dev/null 2>/dev/null | head -n 1 > "$dir/agent-version.new" && mv -f "$dir/agent-version.new" "$dir/agent-version" ) >/dev/null 2>&1 </dev/null &';
  return ["sh", "-c", script, "sh", sessionStateDir(session), ...argv];
}

// Records the conversation id learned after launch, beside the spec.
export function recordConversationIdArgv(session: string, id: string): string[] {
  return [
    "sh",
    "-c",
    'umask 077; printf "%s\\n" "$2" > "$1/resume-id.new" && mv -f "$1/resume-id.new" "$1/resume-id"',
    "sh",
    sessionStateDir(session),
    id,
  ];
}
