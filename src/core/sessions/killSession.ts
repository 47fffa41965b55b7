import type { MoorContext } from "../moorContext.js";
import type { SessionTarget } from "../target.js";
import { killServerArgv, killSessionArgv, listSessionNamesArgv, parseSessionNames } from "../../tmux/session.js";
import { formatTarget } from "../target.js";

// Ends one session (exit 5 when there is none); its state folder (log, spec, notes) stays for revive.
export async function killSession(ctx: MoorContext, target: SessionTarget): Promise<void> {
  await ctx
    .tmux(target.host)
    .run(killSessionArgv(target.session), { target: formatTarget(target), action: "killing the session" });
}

// Ends every session on the host by stopping its tmux server, and says which there were; none is not an error.
export async function killAllSessions(ctx: MoorContext, host: string): Promise<string[]> {
  const tmux = ctx.tmux(host);
  const context = { target: host, noServerIsEmpty: true };
  const listed = await tmux.run(listSessionNamesArgv(), { ...context, action: "listing its sessions" });
  const names = parseSessionNames(listed);
  if (names.length > 0) await tmux.run(killServerArgv(), { ...context, action: "stopping its tmux server" });
  return names;
}
