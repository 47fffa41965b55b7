import { FOREVER_RETRY } from "../../link/linkState.js";
import type { MoorContext } from "../moorContext.js";
import type { SessionTarget } from "../target.js";
import { withFirstContact } from "./firstContact.js";
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
  const tail = await withFirstContact(link, readLogTail(link, path, options.lines, label));
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
