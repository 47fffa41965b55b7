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
    const verbose = argv.includes("-v") || argv.includes("--verbose");
    return reportError(error, process.stderr, makeStyle(process.stderr), verbose);
  } finally {
    runtime.close();
  }
}
