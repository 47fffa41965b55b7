import { CommanderError } from "commander";
import { ExitCode, MoorError } from "../errors.js";
import type { Style } from "./render/style.js";

const REPORT_URL = "https://github.com/moor-cli/moor/issues";

// The one place errors become an exit code and a readable line on stderr; stacks only with -v.
export function reportError(error: unknown, stderr: NodeJS.WritableStream, style: Style, verbose: boolean): number {
  // Commander has already printed its message or help. --help and --version end with 0; help shown because
  // something was missing (`moor`, `moor host`) is a usage error.
  if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  if (error instanceof MoorError) {
    stderr.write(`${style.red("moor:")} ${error.message}\n`);
    if (error.hint) stderr.write(`${style.dim("hint:")} ${error.hint}\n`);
    if (verbose && error.cause) stderr.write(`${style.dim(describeCause(error.cause))}\n`);
    return error.exitCode;
  }
  if (isBrokenPipe(error)) return ExitCode.ok;
  const text = error instanceof Error ? error.message : String(error);
  stderr.write(`${style.red("moor: internal error:")} ${text}\n`);
  stderr.write(
    `${style.dim("hint:")} this is a bug in moor; please report it at ${REPORT_URL} with the output of the same command run with -v\n`,
  );
  if (verbose && error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
  return ExitCode.internal;
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) return `cause: ${cause.stack ?? cause.message}`;
  return `cause: ${String(cause)}`;
}

// The reader went away (moor ls | head): their choice, not a crash.
function isBrokenPipe(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === "EPIPE";
}
