import type { ScreenMemory } from "../core/overview/screenMemory.js";
import { ExitCode, MoorError } from "../errors.js";
import type { Clock } from "../clock.js";
import type { LinkState, WaitBudget } from "../link/linkState.js";
import type { RemoteExec } from "../link/remoteExec.js";
import { Readable } from "node:stream";
import type { ExecOptions, ExecResult } from "../link/types.js";
import type { Reply, RunRequest } from "./protocol.js";

/** What a served run is given: the client's request, where its output goes, and the holder's links. */
export interface ServedRun {
  request: RunRequest;
  write: (fd: 1 | 2, chunk: Buffer) => void;
  /** The client's standard input, asked of it on the first read. */
  stdin: Readable;
  remoteFor: (host: string, budget: WaitBudget, onLink: (state: LinkState) => void) => RemoteExec;
  /** The screens this holder read of a host's panes, kept across runs (ls then captures only what changed). */
  screensFor: (host: string) => ScreenMemory;
}

export type RunCommand = (run: ServedRun) => Promise<number>;

/** Feeds a served run's standard input: a chunk, or its end. */
export type StdinFeed = (chunk: Buffer | undefined, end: boolean) => void;

/** The holder's side of a served run (holder/server.ts): its links, its screens, its use count. */
export interface RunHolder {
  runCommand: RunCommand;
  execOn: (
    host: string,
    argv: readonly string[],
    options: ExecOptions,
    budget: WaitBudget,
    onLink: (state: LinkState) => void,
  ) => Promise<ExecResult>;
  used: <T>(work: () => Promise<T>) => Promise<T>;
  screensFor: (host: string) => ScreenMemory;
  clock: Clock;
  log: (line: string) => void;
}

// A whole command run in the holder for a thin client, over the holder's links. Its output goes back as it is
// written, and the client is told when the run first reaches a host. A host that needs a prompt (authentication, a
// host key) hands the whole run back, unless some of its output has reached stdout already; from then on nothing
// more is forwarded, so the client's own run starts clean.
export async function answerRun(
  request: RunRequest,
  send: (reply: Reply) => void,
  gone: AbortSignal,
  inputs: Map<number, StdinFeed>,
  holder: RunHolder,
): Promise<void> {
  // The client's stdin is asked for only when the command reads it: a command that never does leaves the client's
  // terminal alone. It arrives as the client reads it, and ends when the client's does (or the client goes away).
  let asked = false;
  const stdin = new Readable({
    read() {
      if (asked) return;
      asked = true;
      send({ id: request.id, kind: "stdin" });
    },
  });
  inputs.set(request.id, (chunk, end) => {
    if (chunk !== undefined && chunk.length > 0) stdin.push(chunk);
    if (end) stdin.push(null);
  });
  const endInput = (): void => void stdin.push(null);
  gone.addEventListener("abort", endInput, { once: true });
  let handBack: string | undefined;
  let wroteStdout = false;
  let touchedRemote = false;
  const write = (fd: 1 | 2, chunk: Buffer): void => {
    if (handBack !== undefined && !wroteStdout) return;
    if (fd === 1) wroteStdout = true;
    send({ id: request.id, kind: "output", fd, data: chunk.toString("base64") });
  };
  const remoteFor = (host: string, budget: WaitBudget, onLink: (state: LinkState) => void): RemoteExec => ({
    label: host,
    exec: async (argv, execOptions) => {
      if (!touchedRemote) {
        touchedRemote = true;
        send({ id: request.id, kind: "remote" });
      }
      try {
        return await holder.execOn(
          host,
          argv,
          { ...execOptions, ...(execOptions?.signal ? {} : { signal: gone }) },
          budget,
          onLink,
        );
      } catch (error) {
        if (error instanceof MoorError && error.exitCode === ExitCode.auth) handBack ??= `${host}: ${error.message}`;
        throw error;
      }
    },
  });
  let code: number;
  const started = holder.clock.now();
  try {
    code = await holder.used(() =>
      holder.runCommand({ request, write, stdin, remoteFor, screensFor: holder.screensFor }),
    );
    holder.log(
      `ran ${request.args.find((arg) => /^[a-z]+$/.test(arg)) ?? "a command"} for a client: exit ${String(code)} in ${String(holder.clock.now() - started)} ms`,
    );
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    holder.log(`run failed: ${text}`);
    return send({ id: request.id, kind: "fallback", reason: `the holder failed: ${text}` });
  } finally {
    inputs.delete(request.id);
    gone.removeEventListener("abort", endInput);
  }
  if (handBack !== undefined && !wroteStdout) return send({ id: request.id, kind: "fallback", reason: handBack });
  send({ id: request.id, kind: "exit", code });
}
