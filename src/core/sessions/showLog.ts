import { FOREVER_RETRY, ONE_SHOT_RETRY } from "../../link/linkState.js";
import type { MoorContext } from "../moorContext.js";
import type { SessionTarget } from "../target.js";
import { unreachableSignal } from "../../link/unreachableSignal.js";
import { untilAborted } from "../../link/untilAborted.js";
import { followLog, type FollowEvent } from "./followLog.js";
import { readLogTail, type LogLines } from "./readLog.js";
import { sessionLogPath } from "./statePaths.js";
import { EscapeStripper } from "../../text/escapes.js";
import { formatTarget } from "../target.js";

export interface ShowLogOptions {
  lines: LogLines;
  raw: boolean;
  /** Keep printing what is appended, across link drops, until the signal fires. */
  follow?: { signal: AbortSignal; onEvent: (event: FollowEvent) => void };
}

// moor logs as one use case: the end of the session's remote log, then (when following) every byte
// appended after it, resumed across drops with nothing lost or repeated.
export async function showLog(
  ctx: MoorContext,
  target: SessionTarget,
  out: NodeJS.WritableStream,
  options: ShowLogOptions,
): Promise<void> {
  const label = formatTarget(target);
  const path = sessionLogPath(target.session);
  const link = ctx.link(target.host, options.follow ? { reconnect: true, retry: FOREVER_RETRY } : {});
  const stripper = options.raw ? undefined : new EscapeStripper();
  // A link that retries forever still fails like a one-shot command when the host was never reached.
  const contact = unreachableSignal(link, ONE_SHOT_RETRY.retries, { untilUp: true });
  const tail = await untilAborted(readLogTail(link, path, options.lines, label), contact.signal).finally(contact.stop);
  out.write(stripper === undefined ? tail.data : stripper.push(tail.data));
  if (!options.follow) return;
  const { signal, onEvent } = options.follow;
  await followLog({
    source: link,
    path,
    target: label,
    from: tail.size,
    out,
    signal,
    onEvent,
    ...(stripper === undefined ? {} : { stripper }),
  });
}
