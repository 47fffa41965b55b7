import type { LinkState } from "../../link/linkState.js";
import { sessionJson, type SessionJson } from "./sessionJson.js";
import { isStale, type HostView, type WatchedSession, type WatchSnapshot } from "./watchTypes.js";

type SessionFields = Omit<SessionJson, "name"> & { line: string };

// One line of `moor watch --json`. `at` is epoch ms. The first events describe everything (a link event per
// host, a session event per session); after that only changes are sent.
export type WatchEvent =
  | ({ type: "link"; host: string; at: number } & LinkState)
  | ({ type: "session"; host: string; session: string; at: number } & SessionFields)
  | { type: "removed"; host: string; session: string; at: number }
  | { type: "host"; host: string; at: number; error: string | null };

function sessionFields(host: HostView, session: WatchedSession): SessionFields {
  const stale = isStale(host);
  const { name: _name, ...rest } = sessionJson(session, { stale, ...(stale && host.lastContact !== undefined ? { lastContact: host.lastContact } : {}) });
  return { ...rest, line: session.line };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function diffSessions(before: HostView | undefined, after: HostView, at: number): WatchEvent[] {
  if (!after.polled) return [];
  const events: WatchEvent[] = [];
  const old = new Map((before?.polled ? before.sessions : []).map((session) => [session.name, sessionFields(before as HostView, session)]));
  for (const session of after.sessions) {
    const fields = sessionFields(after, session);
    if (!same(old.get(session.name), fields)) events.push({ type: "session", host: after.host, session: session.name, at, ...fields });
    old.delete(session.name);
  }
  for (const name of old.keys()) events.push({ type: "removed", host: after.host, session: name, at });
  return events;
}

// The events that turn the picture `before` (undefined at start) into `after`.
export function diffSnapshots(before: WatchSnapshot | undefined, after: WatchSnapshot): WatchEvent[] {
  const at = after.at;
  return after.hosts.flatMap((host) => {
    const previous = before?.hosts.find((candidate) => candidate.host === host.host);
    const events: WatchEvent[] = [];
    if (!previous || !same(previous.link, host.link)) events.push({ type: "link", host: host.host, at, ...host.link });
    if ((previous?.error ?? null) !== (host.error ?? null)) events.push({ type: "host", host: host.host, at, error: host.error ?? null });
    return [...events, ...diffSessions(previous, host, at)];
  });
}
