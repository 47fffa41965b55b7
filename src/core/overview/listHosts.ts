import { ExitCode, MoorError, type ExitCode as ExitCodeType } from "../../errors.js";
import type { MoorContext } from "../moorContext.js";
import { listPanesArgv } from "../../tmux/list.js";
import { captureNonce, listWithScreensArgv, parsePaneCaptures, splitListing } from "../../tmux/paneLines.js";
import { LS_LINK } from "./overviewLinks.js";
import { summarizeSessions, type SessionSummary } from "./sessionSummary.js";
import { agentRules, StateTracker, type AgentRules } from "../../state/index.js";
import { captureScreens, withScreens } from "./sessionStates.js";
import { LastSeen, lastSeenFile } from "./lastSeen.js";
import type { ScreenMemory } from "./screenMemory.js";
import { goneSessions, listWithRecorded, type Listing, type RecordedSession } from "./recordedSessions.js";

// Runs one tmux invocation on a host and returns its stdout; "no server running" gives "".
export type TmuxRunner = (argv: readonly string[]) => Promise<string>;

type HostState = "ok" | "unreachable" | "error";

// One host's part of `moor ls`: its sessions, or why it could not be listed.
export interface HostOverview {
  host: string;
  state: HostState;
  sessions: SessionSummary[];
  error?: string;
  exitCode?: ExitCodeType;
  /** Epoch ms of the last contact, for a host shown from an earlier contact (its sessions stale). */
  lastContact?: number;
}

// What a host's failure means for ls: exit 3 is "unreachable"; anything else (auth 4, tmux missing 6) "error".
export function hostFailure(host: string, error: unknown): HostOverview {
  const exitCode = error instanceof MoorError ? error.exitCode : ExitCode.remote;
  const message = error instanceof Error ? error.message : String(error);
  return {
    host,
    state: exitCode === ExitCode.unreachable ? "unreachable" : "error",
    sessions: [],
    error: message,
    exitCode,
  };
}

export interface StateOptions {
  rules?: AgentRules;
  idleAfterSeconds?: number;
  /** Screens read by earlier listings of this host (the holder keeps them): unchanged panes are not captured. */
  screens?: ScreenMemory;
  /** The pane list chained with the sessions moor recorded there, in one call (listWithRecorded): those recorded
   *  and no longer in tmux are `gone` rows. Without it, list-panes alone. */
  listRecorded?: (tmuxArgv: readonly string[]) => Promise<Listing>;
}

// The pane list, with the screens of the panes that were changing at the last listing chained to it (the holder's
// memory knows them), so a warm ls of panes that keep printing is one round trip; a pane gone since makes tmux refuse
// the whole call, and then the list comes alone.
async function listWithHotScreens(
  run: TmuxRunner,
  memory: ScreenMemory | undefined,
): Promise<{ output: string; chained: Map<string, string[]> }> {
  const hot = memory?.unsettled() ?? [];
  if (hot.length > 0) {
    try {
      const nonce = captureNonce();
      const { list, captures } = splitListing(await run(listWithScreensArgv(hot, nonce)), nonce);
      return { output: list, chained: parsePaneCaptures(captures) };
    } catch (error) {
      if (!(error instanceof MoorError && error.exitCode === ExitCode.notFound)) throw error;
      memory?.forget(hot);
    }
  }
  return { output: await run(listPanesArgv()), chained: new Map() };
}

// One host's sessions with their states: ONE list-panes (with the screens that were changing chained to it), then
// ONE chained capture of the other state panes that changed (the agents' screens); a failure becomes the host's row,
// never a throw.
export async function listHostSessions(
  host: string,
  run: TmuxRunner,
  nowSeconds: () => number,
  options: StateOptions = {},
): Promise<HostOverview> {
  try {
    const requestedAt = nowSeconds() * 1000;
    let recorded: RecordedSession[] = [];
    const { listRecorded } = options;
    const runList: TmuxRunner = listRecorded
      ? async (argv) => {
          const listing = await listRecorded(argv);
          recorded = listing.recorded;
          return listing.list;
        }
      : run;
    const { output, chained } = await listWithHotScreens(runList, options.screens);
    const rules = options.rules ?? agentRules();
    const idle = options.idleAfterSeconds === undefined ? {} : { idleAfterSeconds: options.idleAfterSeconds };
    const sessions = summarizeSessions(output, host, { now: nowSeconds(), rules, ...idle });
    const live = sessions.filter((session) => !session.observation.dead);
    const known = new Map(
      live.flatMap((session) => {
        const lines = chained.get(session.paneId) ?? options.screens?.unchanged(session);
        return lines === undefined ? [] : [[session.paneId, lines] as const];
      }),
    );
    const read = await captureScreens(
      run,
      live.filter((session) => !known.has(session.paneId)).map((session) => session.paneId),
    );
    options.screens?.keepOnly(sessions);
    options.screens?.remember(sessions, chained, requestedAt);
    options.screens?.remember(sessions, read, requestedAt);
    const screens = new Map([...known, ...read]);
    const gone = goneSessions(host, recorded, new Set(sessions.map((session) => session.name)), rules);
    return {
      host,
      state: "ok",
      sessions: [...withScreens(sessions, screens, new StateTracker(rules, idle), nowSeconds() * 1000), ...gone],
    };
  } catch (error) {
    return hostFailure(host, error);
  }
}

// Every named host queried in parallel, each over a link with a short connect timeout (LS_LINK). An unreachable host
// shows the sessions it had when it last answered, stale (lastSeen.ts).
export async function listHosts(
  ctx: MoorContext,
  hosts: readonly string[],
  nowSeconds = () => Math.floor(Date.now() / 1000),
): Promise<HostOverview[]> {
  const base = { rules: ctx.rules, idleAfterSeconds: ctx.idleSeconds };
  const listed = await Promise.all(
    hosts.map(async (host) => {
      try {
        const tmux = ctx.tmux(host, LS_LINK);
        const screens = ctx.screenMemory(host);
        const listRecorded = (tmuxArgv: readonly string[]) => listWithRecorded(tmux, tmuxArgv);
        return await listHostSessions(
          host,
          (argv) => tmux.run(argv, { noServerIsEmpty: true }),
          nowSeconds,
          screens ? { ...base, screens, listRecorded } : { ...base, listRecorded },
        );
      } catch (error) {
        return hostFailure(host, error);
      }
    }),
  );
  const lastSeen = new LastSeen(lastSeenFile(ctx.configDir, ctx.env, ctx.home));
  const shown = lastSeen.fill(listed);
  lastSeen.remember(listed, nowSeconds() * 1000);
  return shown;
}
