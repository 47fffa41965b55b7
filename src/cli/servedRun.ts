import { Writable } from "node:stream";
import type { RunCommand, ServedRun } from "../holder/runRequest.js";
import { ONE_SHOT_READY_TIMEOUT_MS, ONE_SHOT_RETRY, unreachableAfterMs } from "../link/linkState.js";
import type { ProcessHost } from "./processHost.js";
import { run } from "./run.js";

// A one-shot command the background holder runs for a thin client (cli/quickClient.ts): the same run() a direct
// command makes, with the client's environment and terminal, its output streamed back, and the holder's links.
export const runServed: RunCommand = async (served) =>
  await run(["node", "moor", ...served.request.args], {
    host: servedHost(served),
    // The holder waits for a host as long as this command's own link would (the use case's retries and timeout).
    served: (name, options, onLink) => {
      const retry = options.retry ?? ONE_SHOT_RETRY;
      const deadlineMs = unreachableAfterMs(retry, options.readyTimeoutMs ?? ONE_SHOT_READY_TIMEOUT_MS);
      return served.remoteFor(name, { retries: retry.retries, deadlineMs }, onLink);
    },
    screens: (name) => served.screensFor(name),
  });

function servedHost({ request, write, stdin }: ServedRun): ProcessHost {
  const stream = (fd: 1 | 2, isTTY: boolean): Writable & { isTTY: boolean; columns?: number; rows?: number } => {
    const writable = new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        write(fd, Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
        done();
      },
    });
    return Object.assign(
      writable,
      { isTTY },
      fd === 1 && request.tty.columns !== undefined
        ? { columns: request.tty.columns, rows: request.tty.rows ?? 24 }
        : {},
    );
  };
  return {
    env: request.env,
    stdout: stream(1, request.tty.stdout),
    stderr: stream(2, request.tty.stderr),
    stdin: Object.assign(stdin, { isTTY: request.tty.stdin === true }),
    exitCode: () => undefined,
  };
}
