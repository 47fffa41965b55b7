import { processHost, type ProcessHost } from "./processHost.js";
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

export function processIo(verbose: boolean, host: ProcessHost = processHost()): CliIo {
  const { stdout, stderr, env } = host;
  const err = makeStyle(stderr, env);
  let muted = (): boolean => false;
  return {
    stdout,
    stderr,
    stdin: host.stdin,
    env,
    out: makeStyle(stdout, env),
    err,
    verbose,
    print: (text) => stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    json: (value) => stdout.write(`${JSON.stringify(value)}\n`),
    info: (message) => stderr.write(`${err.dim(`moor: ${message}`)}\n`),
    progress: (message) => {
      if ((verbose || stderr.isTTY) && !muted()) stderr.write(`${err.dim(`moor: ${message}…`)}\n`);
    },
    muteProgress: (when) => {
      muted = when;
    },
    warn: (message) => stderr.write(`${err.yellow("moor: warning:")} ${message}\n`),
  };
}
