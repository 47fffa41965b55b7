import type { HostLink } from "../../link/hostLink.js";
import { notFoundError, remoteError } from "../../errors.js";
import { appendNotesArgv, readNotesArgv, replaceNotesArgv, STATE_EXIT } from "./remoteState.js";
import { sessionNotesPath } from "./statePaths.js";
import { sessionExists } from "./tmuxCall.js";

// The session whose notes are meant, and the link to its host.
export interface NotesTarget {
  link: HostLink;
  session: string;
  /** HOST:SESSION as the user wrote it. */
  target: string;
}

// Notes outlive the tmux session, but belong to one: without a state folder, the tmux session must exist (else 5).
async function requireSession({ link, session, target }: NotesTarget): Promise<void> {
  if (await sessionExists(link, session, target)) return;
  throw notFoundError(`no session ${target}: neither a tmux session nor moor's state for it on ${link.label}`, `"moor ls ${link.label}" lists its sessions`);
}

// Runs a notes script; when the state folder is missing but the session exists, runs it again creating the folder.
async function runNotes(where: NotesTarget, argv: (create: boolean) => string[], stdin?: string | Buffer): Promise<Buffer | undefined> {
  const options = stdin === undefined ? {} : { stdin };
  let result = await where.link.exec(argv(false), options);
  if (result.code === STATE_EXIT.missing) {
    await requireSession(where);
    if (stdin === undefined) return undefined;
    result = await where.link.exec(argv(true), options);
  }
  if (result.code === 0) return result.stdout;
  const why = result.stderr.toString().trim().split("\n")[0] || `exit ${String(result.code)}`;
  throw remoteError(`could not use the notes ~/${sessionNotesPath(where.session)} on ${where.link.label}: ${why}`);
}

// The session's continuation notes ("" when there are none yet).
export async function readNotes(where: NotesTarget): Promise<string> {
  return (await runNotes(where, () => readNotesArgv(where.session)))?.toString() ?? "";
}

// Adds text as a line of its own at the end of the notes.
export async function appendNote(where: NotesTarget, text: string): Promise<void> {
  await runNotes(where, (create) => appendNotesArgv(where.session, create), text.endsWith("\n") ? text : `${text}\n`);
}

// Replaces the notes with content, byte for byte.
export async function replaceNotes(where: NotesTarget, content: string | Buffer): Promise<void> {
  await runNotes(where, (create) => replaceNotesArgv(where.session, create), content);
}

// Hands the notes to edit (an editor on the laptop) and writes the result back only when it changed.
export async function editNotes(where: NotesTarget, edit: (text: string) => Promise<string>): Promise<boolean> {
  const before = await readNotes(where);
  const after = await edit(before);
  if (after === before) return false;
  await replaceNotes(where, after);
  return true;
}
