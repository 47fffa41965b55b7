import { MoorError, ExitCode } from "../../errors.js";
import type { MoorContext } from "../moorContext.js";
import { listWithRecorded } from "../overview/recordedSessions.js";
import { parsePaneList } from "../../tmux/list.js";
import { reviveSession, type RevivedSession } from "./reviveSession.js";

/** One gone session's revival: the session made again, or why not (with the exit code it would have had). */
export type RevivalOutcome =
  { session: string; revived: RevivedSession } | { session: string; error: string; exitCode: number };

// Every gone session of the host (recorded by moor new, no longer in tmux), revived in parallel; one failing does not
// stop the others. One round trip lists them, then each revive takes its own.
export async function reviveAllGone(
  ctx: MoorContext,
  host: string,
  options: { fresh?: boolean } = {},
): Promise<RevivalOutcome[]> {
  const { list, recorded } = await listWithRecorded(ctx.tmux(host));
  const live = new Set(parsePaneList(list, host).map((pane) => pane.sessionName));
  const gone = recorded.map((entry) => entry.session).filter((session) => !live.has(session));
  return await Promise.all(
    gone.sort().map(async (session): Promise<RevivalOutcome> => {
      try {
        return { session, revived: await reviveSession(ctx, { host, session }, options) };
      } catch (error) {
        const exitCode = error instanceof MoorError ? error.exitCode : ExitCode.internal;
        return { session, error: error instanceof Error ? error.message : String(error), exitCode };
      }
    }),
  );
}
