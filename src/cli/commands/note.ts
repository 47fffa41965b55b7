import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { text } from "node:stream/consumers";
import { Command } from "commander";
import { usageError } from "../../errors.js";
import { formatTarget, parseTarget } from "../../core/target.js";
import { appendNote, editNotes, readNotes, replaceNotes } from "../../core/sessions/sessionNotes.js";
import type { CliIo } from "../io.js";
import { examples } from "../render/examples.js";
import type { RuntimeHolder } from "../runtime.js";

interface NoteOptions {
  append?: string;
  set?: string;
  edit?: boolean;
}

async function readLocal(io: CliIo, file: string): Promise<string | Buffer> {
  if (file === "-") return await text(io.stdin);
  try {
    return await readFile(file);
  } catch (error) {
    throw usageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
      hint: "--set takes a local file, or - for standard input",
      cause: error,
    });
  }
}

// Opens the notes in $VISUAL or $EDITOR (vi by default) on a private temporary copy, as git does.
function editInEditor(io: CliIo, name: string): (notes: string) => Promise<string> {
  return async (notes) => {
    const dir = await mkdtemp(join(tmpdir(), "moor-note-"));
    const file = join(dir, `${name}.md`);
    try {
      await writeFile(file, notes, { mode: 0o600 });
      const editor = io.env.VISUAL || io.env.EDITOR || "vi";
      const code = await new Promise<number | null>((resolve, reject) => {
        spawn("sh", ["-c", `${editor} "$@"`, editor, file], { stdio: "inherit" })
          .on("error", reject)
          .on("close", resolve);
      });
      if (code !== 0)
        throw usageError(
          `the editor "${editor}" exited with status ${String(code)}: the notes were not changed`,
          "set VISUAL or EDITOR to the editor to use",
        );
      return await readFile(file, "utf8");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}

// moor note: the session's continuation notes, kept on the remote beside it and outliving the tmux session.
export function noteCommand(runtime: RuntimeHolder): Command {
  return new Command("note")
    .description("the session's continuation notes, kept on the remote beside the session; no option prints them")
    .argument("<target>", "HOST:SESSION")
    .option("--append <text>", "add TEXT as a line at the end")
    .option("--set <file>", "replace the notes with a local file (- reads standard input)")
    .option("--edit", "edit the notes in $VISUAL or $EDITOR (vi by default) and save them if changed")
    .addHelpText(
      "after",
      examples([
        "moor note gpu1:fix-tests",
        "moor note gpu1:fix-tests --append 'flaky test is tests/io.spec.ts; skip it for now'",
        "moor note gpu1:fix-tests --set handover.md",
        "moor note gpu1:fix-tests --edit",
      ]),
    )
    .action(async (targetText: string, options: NoteOptions, command: Command) => {
      const chosen = [options.append !== undefined, options.set !== undefined, options.edit === true].filter(
        Boolean,
      ).length;
      if (chosen > 1)
        throw usageError(
          "--append, --set and --edit are alternatives: give one of them",
          "without any, moor note prints the notes",
        );
      const target = parseTarget(targetText, { session: "required", window: "none", command: "note" });
      const { ctx, io } = runtime.get(command);
      if (options.append !== undefined) return await appendNote(ctx, target, options.append);
      if (options.set !== undefined) return await replaceNotes(ctx, target, await readLocal(io, options.set));
      if (options.edit) {
        const changed = await editNotes(ctx, target, editInEditor(io, target.session));
        io.stderr.write(
          `moor: ${changed ? "saved the notes of" : "no change to the notes of"} ${formatTarget(target)}\n`,
        );
        return;
      }
      io.stdout.write(await readNotes(ctx, target));
    });
}
