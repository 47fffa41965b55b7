// The exit codes of the command-line contract (spec/cli.md): the only numbers moor exits with.
export const ExitCode = {
  ok: 0,
  internal: 1,
  usage: 2,
  unreachable: 3,
  auth: 4,
  notFound: 5,
  remote: 6,
  /** Ctrl-C where moor reads the terminal itself (a passphrase prompt): what a shell reports, 128 + SIGINT. */
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface MoorErrorOptions {
  /** What the user can do next, shown on its own after the message. */
  hint?: string;
  cause?: unknown;
}

// The one error type moor throws on purpose: a one-line message naming host and target, an exit code, a hint.
export class MoorError extends Error {
  readonly exitCode: ExitCode;
  readonly hint: string | undefined;

  constructor(message: string, exitCode: ExitCode, options: MoorErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "MoorError";
    this.exitCode = exitCode;
    this.hint = options.hint;
  }
}

export const usageError = (message: string, hint?: string): MoorError =>
  new MoorError(message, ExitCode.usage, { hint });

export const notFoundError = (message: string, hint?: string): MoorError =>
  new MoorError(message, ExitCode.notFound, { hint });

export const remoteError = (message: string, options: MoorErrorOptions = {}): MoorError =>
  new MoorError(message, ExitCode.remote, options);

export const isMoorError = (error: unknown): error is MoorError => error instanceof MoorError;
