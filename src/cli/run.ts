import { buildProgram } from "./program.js";
import { reportError } from "./reportError.js";
import { makeStyle } from "./render/style.js";
import { RuntimeHolder } from "./runtime.js";

// Parses the command line, runs one command, and turns any error into its exit code (one catch).
export async function run(argv: readonly string[]): Promise<number> {
  const runtime = new RuntimeHolder();
  const program = buildProgram(runtime);
  process.stdout.on("error", () => undefined);
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    return reportError(error, process.stderr, makeStyle(process.stderr), wantsVerbose(argv));
  } finally {
    runtime.close();
  }
}

// -v/--verbose among moor's own arguments: after a standalone "--" they belong to the remote command.
export function wantsVerbose(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  const own = end === -1 ? argv : argv.slice(0, end);
  return own.includes("-v") || own.includes("--verbose");
}
