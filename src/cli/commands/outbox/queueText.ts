import type { Command } from "commander";
import { ExitCode, hostUnreachableError, isMoorError, usageError } from "../../../errors.js";
import type { SessionTarget } from "../../../core/target.js";
import { formatTarget } from "../../../core/target.js";
import type { RuntimeHolder } from "../../runtime.js";
import { openOutbox } from "./openOutbox.js";
import { itemJson } from "./render.js";

export interface QueueRequest {
  target: SessionTarget;
  text: Buffer | undefined;
  keys: readonly string[];
  enter: boolean;
  json?: boolean;
}

// moor send --queue: the text goes into the outbox at once (no connection), and a holder is started to type it.
export function queueText(runtime: RuntimeHolder, command: Command, request: QueueRequest): void {
  if (request.keys.length > 0)
    throw usageError("moor send --queue takes text, not --key", "send keys now, without --queue");
  if (request.text === undefined || request.text.length === 0)
    throw usageError("moor send --queue needs text to queue", "give TEXT, or pipe it on standard input");
  const { ctx, io } = runtime.get(command);
  const item = openOutbox(ctx).add({ target: formatTarget(request.target), text: request.text, enter: request.enter });
  runtime.ensureDeliverer(ctx, [request.target.host]);
  if (request.json) io.json(itemJson(item));
  else io.print(item.id);
}

// A send that never reached its host says that it could have been queued (not one whose link dropped mid-way:
// the text may have arrived).
export function withQueueHint(error: unknown, target: string): unknown {
  if (!isMoorError(error) || error.exitCode !== ExitCode.unreachable || /dropped while/.test(error.message))
    return error;
  const queue = `or queue it to be typed when ${target} is back: moor send --queue ${target} …`;
  return hostUnreachableError(error.message, { hint: error.hint ? `${error.hint}; ${queue}` : queue, cause: error });
}
