import { ExitCode, MoorError } from "../../errors.js";
import type { MoorContext } from "../moorContext.js";
import type { SessionTarget } from "../target.js";
import { goneSessions, listWithRecorded } from "../overview/recordedSessions.js";
import { parsePaneList } from "../../tmux/list.js";
import { formatTarget } from "../target.js";
import { readSessionState, type SessionStateReport } from "./readSessionState.js";

// moor status: the session's state; one that moor started and that is no longer on its host is `gone` (with the
// revive hint in its reason) rather than not found. That costs a second round trip only when tmux has no such session.
export async function readSessionOrGone(ctx: MoorContext, target: SessionTarget): Promise<SessionStateReport> {
  const tmux = ctx.tmux(target.host);
  const label = formatTarget(target);
  try {
    return await readSessionState(
      (argv) => tmux.run(argv, { target: label, action: "reading the session's state" }),
      target,
      { rules: ctx.rules, idleAfterSeconds: ctx.idleSeconds },
    );
  } catch (error) {
    if (!(error instanceof MoorError && error.exitCode === ExitCode.notFound) || target.window !== undefined)
      throw error;
    const { list, recorded } = await listWithRecorded(tmux);
    const live = new Set(parsePaneList(list, target.host).map((pane) => pane.sessionName));
    const [gone] = goneSessions(
      target.host,
      recorded.filter((entry) => entry.session === target.session),
      live,
      ctx.rules,
    );
    if (gone === undefined) throw error;
    return {
      target: label,
      state: gone.state,
      pane: { id: "", command: gone.command, title: "", window: "" },
      screen: [],
      question: undefined,
    };
  }
}
