import { scanGlobalOptions } from "./globalOptions.js";
import { buildProgram } from "./program.js";
import { reportError } from "./reportError.js";
import { makeStyle } from "./render/style.js";
import { RuntimeHolder, type RuntimeOptions } from "./runtime.js";

// Parses the command line, runs one command, and turns any error into its exit code (one catch).
export async function run(argv: readonly string[], options: RuntimeOptions = {}): Promise<number> {
  const runtime = new RuntimeHolder(options);
  const { stdout, stderr, env } = runtime.host;
  const program = buildProgram(runtime);
  stdout.on("error", () => undefined);
  try {
    await program.parseAsync([...argv]);
    return runtime.host.exitCode() ?? 0;
  } catch (error) {
    return reportError(error, stderr, makeStyle(stderr, env), wantsVerbose(argv));
  } finally {
    runtime.close();
  }
}

// -v/--verbose among moor's own arguments: after a standalone "--" they belong to the remote command.
export function wantsVerbose(argv: readonly string[]): boolean {
  return scanGlobalOptions(argv).verbose;
}
