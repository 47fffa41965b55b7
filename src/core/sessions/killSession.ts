import type { HostLink } from "../../link/hostLink.js";
import { killServerArgv, killSessionArgv, listSessionNamesArgv } from "../../tmux/session.js";
import { runTmux } from "./tmuxCall.js";

// Ends one session (exit 5 when there is none); its state folder (log, spec, notes) stays for revive.
export async function killSession(link: HostLink, session: string, target: string): Promise<void> {
  await runTmux(link, killSessionArgv(session), { target, action: "killing the session" });
}

// Ends every session on the host by stopping its tmux server, and says which there were; none is not an error.
export async function killAllSessions(link: HostLink): Promise<string[]> {
  const context = { target: link.label, noServerIsEmpty: true };
  const listed = await runTmux(link, listSessionNamesArgv(), { ...context, action: "listing its sessions" });
  const names = listed.split("\n").filter((name) => name !== "");
  if (names.length > 0) await runTmux(link, killServerArgv(), { ...context, action: "stopping its tmux server" });
  return names;
}
