import { sessionNotesPath, sessionStateDir } from "./statePaths.js";

// Exit statuses of the scripts below that are not tmux's (tmux exits 0 or 1, a missing program 127).
export const STATE_EXIT = {
  /** The session's state folder does not exist (and the script was not asked to create it). */
  missing: 44,
  /** --cwd names no directory on the remote. */
  noCwd: 45,
  /** The state folder or spec.json could not be written. */
  unwritable: 46,
} as const;

// Runs in the login's home. spec.json is written beside the session only once tmux has made it, so a refused
// "duplicate session" leaves the existing session's spec untouched. umask 077 keeps the state (the agent's
// transcript among it) private whatever the login's umask. Arguments: DIR SPEC CWD TMUX-ARGV...
const CREATE_SCRIPT = [
  "umask 077; dir=$1 spec=$2 cwd=$3; shift 3",
  `if [ -n "$cwd" ] && [ ! -d "$cwd" ]; then echo "no such directory: $cwd" >&2; exit ${STATE_EXIT.noCwd}; fi`,
  `mkdir -p "$dir" || exit ${STATE_EXIT.unwritable}`,
  `if [ -n "$spec" ]; then cat > "$spec.new" || exit ${STATE_EXIT.unwritable}; fi`,
  '"$@"; status=$?',
  'if [ -n "$spec" ]; then if [ $status -eq 0 ]; then mv -f "$spec.new" "$spec"; else rm -f "$spec.new"; fi; fi',
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
