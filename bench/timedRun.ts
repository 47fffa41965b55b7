import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";

export interface TimedRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit. */
  ms: number;
}

// Runs a program to completion and times it from spawn to exit, as a user at a prompt would feel it.
export function runTimed(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 60_000,
): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${command} ${args.join(" ")} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString(),
        stderr: Buffer.concat(stderr).toString(),
        ms: performance.now() - started,
      });
    });
  });
}

/** The run, or an error naming the command and its stderr when it did not exit 0. */
export function succeeded(run: TimedRun, what: string): TimedRun {
  if (run.code !== 0)
    throw new Error(`${what} exited ${String(run.code)}: ${run.stderr.trim() || run.stdout.trim().slice(0, 300)}`);
  return run;
}
