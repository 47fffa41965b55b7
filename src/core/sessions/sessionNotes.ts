import type { MoorContext } from "../moorContext.js";
import type { SessionTarget } from "../target.js";
import type { RemoteTmux } from "../remoteTmux.js";
import { notFoundError, remoteError } from "../../errors.js";
import { appendNotesArgv, readNotesArgv, replaceNotesArgv, STATE_EXIT } from "./remoteState.js";
import { sessionNotesPath } from "./statePaths.js";
import { formatTarget } from "../target.js";
import { firstLine } from "../../text/firstLine.js";

// The session whose notes are meant, on its host's tmux.
interface NotesPlace {
  tmux: RemoteTmux;
  session: string;
  /** HOST:SESSION as the user wrote it. */
  label: string;
}

const place = (ctx: MoorContext, target: SessionTarget): NotesPlace => ({
  tmux: ctx.tmux(target.host),
  session: target.session,
  label: formatTarget(target),
});

// Notes outlive the tmux session, but belong to one: without a state folder, the tmux session must exist (else 5).
async function requireSession({ tmux, session, label }: NotesPlace): Promise<void> {
  if (await tmux.hasSession(session, label)) return;
  throw notFoundError(
    `no session ${label}: neither a tmux session nor moor's state for it on ${tmux.host}`,
    `"moor ls ${tmux.host}" lists its sessions`,
  );
}

// Runs a notes script; when the state folder is missing but the session exists, runs it again creating the folder.
async function runNotes(
  where: NotesPlace,
  argv: (create: boolean) => string[],
  stdin?: string | Buffer,
): Promise<Buffer | undefined> {
  const options = stdin === undefined ? {} : { stdin };
  const remote = where.tmux.remote;
  let result = await remote.exec(argv(false), options);
  if (result.code === STATE_EXIT.missing) {
    await requireSession(where);
    if (stdin === undefined) return undefined;
    result = await remote.exec(argv(true), options);
  }
  if (result.code === 0) return result.stdout;
  const why = firstLine(result.stderr) || `exit ${String(result.code)}`;
  throw remoteError(`could not use the notes ~/${sessionNotesPath(where.session)} on ${remote.label}: ${why}`);
}

// The session's continuation notes ("" when there are none yet).
export async function readNotes(ctx: MoorContext, target: SessionTarget): Promise<string> {
  return (await runNotes(place(ctx, target), () => readNotesArgv(target.session)))?.toString() ?? "";
}

// Adds text as a line of its own at the end of the notes.
export async function appendNote(ctx: MoorContext, target: SessionTarget, text: string): Promise<void> {
  await runNotes(
    place(ctx, target),
    (create) => appendNotesArgv(target.session, create),
    text.endsWith("\n") ? text : `${text}\n`,
  );
}

// Replaces the notes with content, byte for byte.
export async function replaceNotes(ctx: MoorContext, target: SessionTarget, content: string | Buffer): Promise<void> {
  await runNotes(place(ctx, target), (create) => replaceNotesArgv(target.session, create), content);
}

// Hands the notes to edit (an editor on the laptop) and writes the result back only when it changed.
export async function editNotes(
  ctx: MoorContext,
  target: SessionTarget,
  edit: (text: string) => Promise<string>,
): Promise<boolean> {
  const before = await readNotes(ctx, target);
  const after = await edit(before);
  if (after === before) return false;
  await replaceNotes(ctx, target, after);
  return true;
}
