import type { HostOverview } from "../../core/overview/listHosts.js";
import { sessionJson, type SessionJson } from "../../core/overview/sessionJson.js";
import type { SessionSummary } from "../../core/overview/sessionSummary.js";
import { formatTable } from "../render/table.js";
import type { Style } from "../render/style.js";
import { agoText, statusText } from "./format.js";

const HEADER = ["HOST", "SESSION", "STATUS", "ATTACHED", "ACTIVITY", "WIN", "WINDOWS (PANE COMMANDS)"];

// "agent (claude), shell (bash, sleep)": each window's name and what runs in each of its panes.
export function windowsText(session: SessionSummary): string {
  return session.windows.map((window) => `${window.name} (${window.panes.map((pane) => pane.command).join(", ")})`).join(", ");
}

function sessionRow(host: string, session: SessionSummary, nowSeconds: number, style: Style): string[] {
  const status = statusText(session.status);
  const coloured = session.status.state === "running" ? style.green(status) : session.status.state === "exited" && session.status.code !== 0 ? style.red(status) : style.yellow(status);
  const attached = session.clients === 0 ? "no" : session.clients === 1 ? "yes" : `yes (${session.clients})`;
  return [host, session.name, coloured, attached, agoText(session.activity, nowSeconds), String(session.windows.length), windowsText(session)];
}

function hostRows(overview: HostOverview, nowSeconds: number, style: Style): string[][] {
  if (overview.state !== "ok") return [[overview.host, "-", style.red(overview.state), "", "", "", overview.error ?? ""]];
  if (overview.sessions.length === 0) return [[overview.host, "-", style.dim("no sessions"), "", "", "", ""]];
  return overview.sessions.map((session) => sessionRow(overview.host, session, nowSeconds, style));
}

// moor ls as a table: one row per session, and one row for a host that has none or could not be listed.
export function formatLsTable(overviews: readonly HostOverview[], nowSeconds: number, style: Style): string {
  return formatTable(HEADER, overviews.flatMap((overview) => hostRows(overview, nowSeconds, style)));
}

export interface LsJson {
  hosts: { host: string; state: HostOverview["state"]; error?: string; exitCode?: number; sessions: SessionJson[] }[];
}

// The documented --json shape of moor ls.
export function lsJson(overviews: readonly HostOverview[]): LsJson {
  return {
    hosts: overviews.map((overview) => ({
      host: overview.host,
      state: overview.state,
      ...(overview.error === undefined ? {} : { error: overview.error }),
      ...(overview.exitCode === undefined ? {} : { exitCode: overview.exitCode }),
      sessions: overview.sessions.map(sessionJson),
    })),
  };
}
