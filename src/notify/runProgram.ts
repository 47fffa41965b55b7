import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { firstLine } from "../text/firstLine.js";

interface ProgramRun {
  argv: readonly string[];
  env?: NodeJS.ProcessEnv;
  stdin?: string;
  timeoutMs: number;
  /** How messages name the program (default: its file). */
  label?: string;
}

/** undefined when the program ran and exited 0; else what went wrong, in one line. */
export type ProgramOutcome = string | undefined;

// Runs a program outside moor (a notifier, notify.command): never throws, and kills it (its whole process group)
// when it outlives timeoutMs, so a hanging program costs one process for that long and nothing else.
export type RunProgram = (run: ProgramRun) => Promise<ProgramOutcome>;

export const runProgram: RunProgram = ({ argv, env, stdin, timeoutMs, label }) =>
  new Promise((resolve) => {
    const [file, ...args] = argv;
    if (file === undefined) return resolve("no program given");
    const name = label ?? file;
    const child = spawn(file, args, {
      env,
      stdio: ["pipe", "ignore", "pipe"],
      detached: process.platform !== "win32",
    });
    let stderr = "";
    let settled = false;
    const finish = (outcome: ProgramOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      killGroup(child.pid);
      finish(`${name} did not finish within ${timeoutMs / 1000} s (stopped)`);
    }, timeoutMs);
    timer.unref();
    child.stderr.on("data", (chunk: Buffer) => {
      if (stderr.length < 500) stderr += chunk.toString();
    });
    child.once("error", (error) => finish(`${name}: ${error.message}`));
    child.once("close", (code, signal) => {
      if (code === 0) return finish(undefined);
      const said = firstLine(stderr);
      finish(`${name} ${signal ? `was killed by ${signal}` : `exited with status ${code}`}${said ? `: ${said}` : ""}`);
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(stdin ?? "");
    child.unref();
  });

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(process.platform === "win32" ? pid : -pid, "SIGKILL");
  } catch {
    // It ended on its own meanwhile.
  }
}

// The first of `names` that is an executable file on PATH, looked up now (a notifier is never required).
export function findOnPath(names: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  const dirs = (env.PATH ?? "").split(delimiter).filter((dir) => dir !== "");
  for (const name of names) {
    for (const dir of dirs) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return name;
      } catch {
        // Not in this directory.
      }
    }
  }
  return undefined;
}
