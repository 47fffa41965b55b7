// What a command run sees of its process: environment and standard streams. A run in moor's own process uses the
// real ones; a run the background holder serves for a thin client (cli/servedRun.ts) uses the client's environment and
// streams that carry its output back over the socket.
export interface ProcessHost {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** The exit code a command set without throwing (a direct run: process.exitCode). */
  exitCode(): number | undefined;
}

export function processHost(): ProcessHost {
  return {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    exitCode: () => (typeof process.exitCode === "number" ? process.exitCode : undefined),
  };
}
