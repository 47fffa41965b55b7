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
  /** Data: the only thing written to stdout. */
  print(text: string): void;
  json(value: unknown): void;
  /** A message for the user ("moor: …" on stderr), never mixed into the data. */
  info(message: string): void;
  /** Transient "moor: …" lines on stderr, shown on a terminal or with -v. */
  progress(message: string): void;
  /** Drops progress lines while `when()` is true (attach: they would land on tmux's screen). */
  muteProgress(when: () => boolean): void;
  warn(message: string): void;
}

export function processIo(verbose: boolean): CliIo {
  const err = makeStyle(process.stderr);
  let muted = (): boolean => false;
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    out: makeStyle(process.stdout),
    err,
    verbose,
    print: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    json: (value) => process.stdout.write(`${JSON.stringify(value)}\n`),
    info: (message) => process.stderr.write(`${err.dim(`moor: ${message}`)}\n`),
    progress: (message) => {
      if ((verbose || process.stderr.isTTY) && !muted()) process.stderr.write(`${err.dim(`moor: ${message}…`)}\n`);
    },
    muteProgress: (when) => {
      muted = when;
    },
    warn: (message) => process.stderr.write(`${err.yellow("moor: warning:")} ${message}\n`),
  };
}
