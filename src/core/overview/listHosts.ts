import { ExitCode, MoorError, type ExitCode as ExitCodeType } from "../../errors.js";
import type { MoorContext } from "../moorContext.js";
import { listPanesArgv } from "../../tmux/list.js";
import { LS_LINK } from "./overviewLinks.js";
import { summarizeSessions, type SessionSummary } from "./sessionSummary.js";

// Runs one tmux invocation on a host and returns its stdout; "no server running" gives "".
export type TmuxRunner = (argv: readonly string[]) => Promise<string>;

export type HostState = "ok" | "unreachable" | "error";

// One host's part of `moor ls`: its sessions, or why it could not be listed.
export interface HostOverview {
  host: string;
  state: HostState;
  sessions: SessionSummary[];
  error?: string;
  exitCode?: ExitCodeType;
}

// What a host's failure means for ls: exit 3 is "unreachable"; anything else (auth 4, tmux missing 6) "error".
export function hostFailure(host: string, error: unknown): HostOverview {
  const exitCode = error instanceof MoorError ? error.exitCode : ExitCode.remote;
  const message = error instanceof Error ? error.message : String(error);
  return { host, state: exitCode === ExitCode.unreachable ? "unreachable" : "error", sessions: [], error: message, exitCode };
}

// One host's sessions from ONE list-panes invocation; a failure becomes the host's row, never a throw.
export async function listHostSessions(host: string, run: TmuxRunner, nowSeconds: () => number): Promise<HostOverview> {
  try {
    const output = await run(listPanesArgv());
    return { host, state: "ok", sessions: summarizeSessions(output, host, { now: nowSeconds() }) };
  } catch (error) {
    return hostFailure(host, error);
  }
}

// Every named host queried in parallel, each over a link with a short connect timeout (LS_LINK).
export async function listHosts(ctx: MoorContext, hosts: readonly string[], nowSeconds = () => Math.floor(Date.now() / 1000)): Promise<HostOverview[]> {
  return await Promise.all(
    hosts.map(async (host) => {
      try {
        const tmux = ctx.tmux(host, LS_LINK);
        return await listHostSessions(host, (argv) => tmux.run(argv, { noServerIsEmpty: true }), nowSeconds);
      } catch (error) {
        return hostFailure(host, error);
      }
    }),
  );
}

