import { spawn } from "node:child_process";

// Attach runs as a child moor process with the terminal to itself, so the view only has to step aside and
// come back; resolves with a message when attach did not end normally.
export function attachInChild(target: string, globalArgs: readonly string[]): Promise<string | undefined> {
  const script = process.argv[1];
  if (script === undefined) return Promise.resolve("cannot find moor's own script to run attach");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...globalArgs, "attach", target], { stdio: "inherit" });
    child.once("error", (error) => resolve(`could not run moor attach: ${error.message}`));
    child.once("exit", (code, signal) =>
      resolve(code === 0 ? undefined : `moor attach ${target} ended with ${signal ?? `exit ${code ?? "?"}`}`),
    );
  });
}
