import { remoteError } from "../errors.js";
import { REAP_FIRST, tmuxArgv, type TmuxCommand } from "./command.js";
import { isHelperSession } from "./control/helperSession.js";
import { MIN_TMUX } from "./features.js";
import { sessionTarget } from "./target.js";

// Between fields: a tab. From tmux 3.4 on, list-panes output passes through vis(3) (VIS_OCTAL|VIS_CSTYLE|VIS_NOSLASH),
// which writes every control character except tab and newline as an escape (the old separator \x1f became the
// four characters "\037"); 3.1c and 3.3a print them raw. So no field can split a row on any release, every text
// field (names, commands, paths and titles are user-controlled) has each control character replaced by "?" inside
// tmux: the rest of the output is printable text, spaces, valid UTF-8 or (3.4+) vis escapes of invalid bytes, none
// of which is a tab or a newline. Checked against real output of 3.1c, 3.3a, 3.5a and 3.8 (test/unit/tmux/fixtures/).
export const FIELD_SEPARATOR = "\t";

// Each control character (0x01-0x1f and 0x7f; tmux strings hold no NUL), as a bracket expression for #{s/...}.
const CONTROL_CHARACTERS = `[${String.fromCharCode(1)}-${String.fromCharCode(0x1f)}${String.fromCharCode(0x7f)}]`;

/** One pane of `tmux list-panes -a`, with its window and session. */
export interface PaneRow {
  sessionName: string;
  sessionCreated: number;
  /** How many clients are attached to the session. */
  sessionAttached: number;
  sessionActivity: number;
  windowIndex: number;
  windowId: string;
  windowName: string;
  windowActivity: number;
  windowActive: boolean;
  paneIndex: number;
  paneId: string;
  paneActive: boolean;
  /** undefined for a dead pane on tmux 3.8, which prints no pid for it (3.1c-3.5a print the old one). */
  panePid: number | undefined;
  currentCommand: string;
  /** As tmux prints it: argv quoted tmux-style, "" when the pane started with the default shell. */
  startCommand: string;
  dead: boolean;
  deadStatus: number | undefined;
  /** Only from tmux 3.2 on. */
  deadSignal: number | undefined;
  currentPath: string;
  title: string;
  /** The cursor's row on the visible screen, 0 at the top (where an input prompt usually is). */
  cursorY: number;
  /** A bell rang in the window since it was last looked at (stays set while no client looks). */
  windowBell: boolean;
  /** The session's @moor-agent option (moor new --agent NAME|none); "" when unset. */
  agent: string;
}

type Kind = "text" | "int" | "optionalInt" | "flag";

const FIELDS = [
  ["sessionName", "session_name", "text"],
  ["sessionCreated", "session_created", "int"],
  ["sessionAttached", "session_attached", "int"],
  ["sessionActivity", "session_activity", "int"],
  ["windowIndex", "window_index", "int"],
  ["windowId", "window_id", "text"],
  ["windowName", "window_name", "text"],
  ["windowActivity", "window_activity", "int"],
  ["windowActive", "window_active", "flag"],
  ["paneIndex", "pane_index", "int"],
  ["paneId", "pane_id", "text"],
  ["paneActive", "pane_active", "flag"],
  ["panePid", "pane_pid", "optionalInt"],
  ["currentCommand", "pane_current_command", "text"],
  ["startCommand", "pane_start_command", "text"],
  ["dead", "pane_dead", "flag"],
  ["deadStatus", "pane_dead_status", "optionalInt"],
  ["deadSignal", "pane_dead_signal", "optionalInt"],
  ["currentPath", "pane_current_path", "text"],
  ["title", "pane_title", "text"],
  ["cursorY", "cursor_y", "int"],
  ["windowBell", "window_bell_flag", "flag"],
  ["agent", "@moor-agent", "text"],
] as const satisfies readonly (readonly [keyof PaneRow, string, Kind])[];

function formatField([, name, kind]: (typeof FIELDS)[number]): string {
  return kind === "text" ? `#{s/${CONTROL_CHARACTERS}/?/:${name}}` : `#{${name}}`;
}

export const PANE_LIST_FORMAT = FIELDS.map(formatField).join(FIELD_SEPARATOR);

// Every pane of every session in one call; a host without a tmux server fails with isNoServer(stderr).
// Reaps first, so an agent that has exited shows its status (see REAP_FIRST).
export function listPanesArgv(): string[] {
  return tmuxArgv(REAP_FIRST, listPanesCommand());
}

// The list-panes command itself, to chain with others (see listWithScreensArgv).
export function listPanesCommand(): TmuxCommand {
  return ["list-panes", "-a", "-F", PANE_LIST_FORMAT];
}

// The panes of one session only (exact name); a missing session fails "can't find session" (exit 5).
export function sessionPanesArgv(session: string): string[] {
  return tmuxArgv(REAP_FIRST, sessionPanesCommand(session));
}

// The list-panes command of sessionPanesArgv, to chain with captures (see sessionPanesWithScreenArgv).
export function sessionPanesCommand(session: string): TmuxCommand {
  return ["list-panes", "-s", "-t", sessionTarget(session), "-F", PANE_LIST_FORMAT];
}

function parseValue(value: string, kind: Kind): string | number | boolean | undefined {
  if (kind === "text") return value;
  if (kind === "flag") return value === "1";
  if (kind === "optionalInt" && value === "") return undefined;
  return /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
}

function parseRow(line: string, lineNumber: number, host: string | undefined): PaneRow {
  const values = line.split(FIELD_SEPARATOR);
  const bad = (why: string) =>
    remoteError(
      `could not read tmux's pane list${host === undefined ? "" : ` on ${host}`}: line ${String(lineNumber)} ${why}`,
      { hint: `is this tmux older than ${MIN_TMUX.text}? moor needs tmux >= ${MIN_TMUX.text}` },
    );
  // A listing made before the last field (@moor-agent) was added, such as the fixtures captured from each release,
  // reads as one without the option set.
  if (values.length === FIELDS.length - 1) values.push("");
  if (values.length !== FIELDS.length)
    throw bad(`has ${String(values.length)} fields, expected ${String(FIELDS.length)}`);
  const row: Record<string, unknown> = {};
  FIELDS.forEach(([key, name, kind], index) => {
    const value = parseValue(values[index] ?? "", kind);
    if (Number.isNaN(value)) throw bad(`has ${name} ${JSON.stringify(values[index])}, expected a number`);
    row[key] = value;
  });
  return row as unknown as PaneRow;
}

// Parses listPanesArgv's output, one row a line, in tmux's order (sessions by name, windows and panes by index).
// moor's own control-mode helper session is left out: it is no session of the user's.
export function parsePaneList(output: string, host?: string): PaneRow[] {
  return output
    .split("\n")
    .flatMap((line, index) => (line === "" ? [] : [parseRow(line, index + 1, host)]))
    .filter((row) => !isHelperSession(row.sessionName));
}
