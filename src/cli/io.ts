import { makeStyle, type Style } from "./render/style.js";

// The terminal as commands see it: data to stdout, messages to stderr, so tests can use a fake.
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  out: Style;
  err: Style;
  verbose: boolean;
  print(text: string): void;
  json(value: unknown): void;
  progress(message: string): void;
  warn(message: string): void;
}

export function processIo(verbose: boolean): CliIo {
  const io: CliIo = {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    out: makeStyle(process.stdout),
    err: makeStyle(process.stderr),
    verbose,
    print: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    json: (value) => process.stdout.write(`${JSON.stringify(value)}\n`),
    progress: (message) => {
      if (verbose || process.stderr.isTTY) process.stderr.write(`${io.err.dim(`moor: ${message}…`)}\n`);
    },
    warn: (message) => process.stderr.write(`${io.err.yellow("moor: warning:")} ${message}\n`),
  };
  return io;
}
