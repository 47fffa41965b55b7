import type { MoorContext } from "../moorContext.js";
import type { SessionTarget } from "../target.js";
import { killSessionArgv, listThenKillServerArgv, parseSessionNames } from "../../tmux/session.js";
import { formatTarget } from "../target.js";

// Ends one session (exit 5 when there is none); its state folder (log, spec, notes) stays for revive.
export async function killSession(ctx: MoorContext, target: SessionTarget): Promise<void> {
  await ctx
    .tmux(target.host)
    .run(killSessionArgv(target.session), { target: formatTarget(target), action: "killing the session" });
}

// Ends every session on the host by stopping its tmux server, in one round trip, and says which there were; none is
// not an error.
export async function killAllSessions(ctx: MoorContext, host: string): Promise<string[]> {
  const listed = await ctx.tmux(host).run(listThenKillServerArgv(), {
    target: host,
    noServerIsEmpty: true,
    action: "stopping its tmux server",
  });
  return parseSessionNames(listed);
}
