import { isStale, type HostView, type WatchedSession } from "../core/overview/watchTypes.js";
import type { ObservedSession } from "./stateChange.js";

const EXCERPT_LINES = 5;

function observe(host: string, session: WatchedSession): ObservedSession {
  const status = session.status;
  const state = status.state === "running" ? "working" : status.state;
  const reason =
    status.state === "exited"
      ? status.code !== undefined
        ? `exited with status ${status.code}`
        : status.signal !== undefined
          ? `killed by signal ${status.signal}`
          : "exited"
      : session.line;
  return { host, session: session.name, state, agent: undefined, reason, excerpt: session.lines.slice(-EXCERPT_LINES) };
}

// The hosts of a watch snapshot whose sessions are current (polled, link up), as the notifier reads them.
export function freshHosts(hosts: readonly HostView[]): { host: string; sessions: ObservedSession[] }[] {
  return hosts.filter((host) => host.polled && !isStale(host)).map((host) => ({ host: host.host, sessions: host.sessions.map((session) => observe(host.host, session)) }));
}
