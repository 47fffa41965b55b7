import type { HostOverview } from "../../core/overview/listHosts.js";
import { sessionJson, type SessionJson } from "../../core/overview/sessionJson.js";
import type { SessionSummary } from "../../core/overview/sessionSummary.js";
import { formatTable } from "../render/table.js";
import type { Style } from "../render/style.js";
import { agoText, statePaint, stateText } from "./format.js";

const HEADER = ["HOST", "SESSION", "STATE", "AGENT", "ATTACHED", "ACTIVITY", "WIN", "WINDOWS (PANE COMMANDS)"];

// "agent (claude), shell (bash, sleep)": each window's name and what runs in each of its panes.
function windowsText(session: SessionSummary): string {
  return session.windows
    .map((window) => `${window.name} (${window.panes.map((pane) => pane.command).join(", ")})`)
    .join(", ");
}

function sessionRow(overview: HostOverview, session: SessionSummary, nowSeconds: number, style: Style): string[] {
  const stale = overview.state !== "ok";
  const text = `${stateText(session.state, nowSeconds * 1000)}${stale ? " (stale)" : ""}`;
  const state = stale ? style.dim(text) : statePaint(session.state, style)(text);
  const attached = session.clients === 0 ? "no" : session.clients === 1 ? "yes" : `yes (${session.clients})`;
  return [
    overview.host,
    session.name,
    state,
    session.state.agent ?? "-",
    attached,
    agoText(session.activity, nowSeconds),
    String(session.windows.length),
    session.state.state === "gone" ? `revive: moor revive ${overview.host}:${session.name}` : windowsText(session),
  ];
}

function hostRows(overview: HostOverview, nowSeconds: number, style: Style): string[][] {
  const rows = overview.sessions.map((session) => sessionRow(overview, session, nowSeconds, style));
  if (overview.state !== "ok") {
    const seen =
      overview.lastContact === undefined
        ? ""
        : ` (last contact ${agoText(Math.floor(overview.lastContact / 1000), nowSeconds)})`;
    return [[overview.host, "-", style.red(overview.state), "", "", "", "", `${overview.error ?? ""}${seen}`], ...rows];
  }
  if (overview.sessions.length === 0) return [[overview.host, "-", style.dim("no sessions"), "", "", "", "", ""]];
  return rows;
}

// moor ls as a table: one row per session, and one row for a host that has none or could not be listed (then
// followed by its sessions as last seen, marked stale).
export function formatLsTable(overviews: readonly HostOverview[], nowSeconds: number, style: Style): string {
  return formatTable(
    HEADER,
    overviews.flatMap((overview) => hostRows(overview, nowSeconds, style)),
  );
}

export interface LsJson {
  hosts: {
    host: string;
    state: HostOverview["state"];
    error?: string;
    exitCode?: number;
    lastContact?: string;
    sessions: SessionJson[];
  }[];
}

// The documented --json shape of moor ls.
export function lsJson(overviews: readonly HostOverview[]): LsJson {
  return {
    hosts: overviews.map((overview) => {
      const stale = {
        stale: overview.state !== "ok",
        ...(overview.lastContact === undefined ? {} : { lastContact: overview.lastContact }),
      };
      return {
        host: overview.host,
        state: overview.state,
        ...(overview.error === undefined ? {} : { error: overview.error }),
        ...(overview.exitCode === undefined ? {} : { exitCode: overview.exitCode }),
        ...(overview.lastContact === undefined ? {} : { lastContact: new Date(overview.lastContact).toISOString() }),
        sessions: overview.sessions.map((session) => sessionJson(session, stale)),
      };
    }),
  };
}
