// The exit codes of the command-line contract (spec/cli.md): the only numbers moor exits with.
export const ExitCode = {
  ok: 0,
  internal: 1,
  usage: 2,
  unreachable: 3,
  auth: 4,
  notFound: 5,
  remote: 6,
  /** moor wait --timeout passed before any target reached a wanted state. */
  timedOut: 7,
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

// The named constructors, one per exit code: a hint alone, or the hint and the cause.
type HintOrOptions = string | MoorErrorOptions | undefined;
const make =
  (exitCode: ExitCode) =>
  (message: string, options?: HintOrOptions): MoorError =>
    new MoorError(message, exitCode, typeof options === "string" ? { hint: options } : (options ?? {}));

export const internalError = make(ExitCode.internal);
export const usageError = make(ExitCode.usage);
export const hostUnreachableError = make(ExitCode.unreachable);
export const authError = make(ExitCode.auth);
export const notFoundError = make(ExitCode.notFound);
export const remoteError = make(ExitCode.remote);
export const timedOutError = make(ExitCode.timedOut);

export const isMoorError = (error: unknown): error is MoorError => error instanceof MoorError;
