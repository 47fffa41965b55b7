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

// A session's fields as JSON text, worked out once per session object and staleness: every host's poll makes a new
// snapshot, and the hosts that did not poll keep their session objects.
const fieldsMemo = new WeakMap<WatchedSession, { key: string; fields: SessionFields; text: string }>();

function sessionFields(host: HostView, session: WatchedSession): { fields: SessionFields; text: string } {
  const stale = isStale(host);
  const key = stale ? `stale ${String(host.lastContact)}` : "fresh";
  const memo = fieldsMemo.get(session);
  if (memo?.key === key) return memo;
  const { name: _name, ...rest } = sessionJson(session, {
    stale,
    ...(stale && host.lastContact !== undefined ? { lastContact: host.lastContact } : {}),
  });
  const fields = { ...rest, line: session.line };
  const made = { key, fields, text: JSON.stringify(fields) };
  fieldsMemo.set(session, made);
  return made;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

// Nothing to say for a host whose sessions are the very same objects, seen the same way (fresh, or stale since the
// same last contact).
function unchanged(before: HostView | undefined, after: HostView): boolean {
  return (
    before?.polled === true &&
    before.sessions === after.sessions &&
    isStale(before) === isStale(after) &&
    before.lastContact === after.lastContact
  );
}

function diffSessions(before: HostView | undefined, after: HostView, at: number): WatchEvent[] {
  if (!after.polled || unchanged(before, after)) return [];
  const events: WatchEvent[] = [];
  const old = new Map(
    (before?.polled ? before.sessions : []).map((session) => [
      session.name,
      sessionFields(before as HostView, session).text,
    ]),
  );
  for (const session of after.sessions) {
    const { fields, text } = sessionFields(after, session);
    if (old.get(session.name) !== text)
      events.push({ type: "session", host: after.host, session: session.name, at, ...fields });
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
    if ((previous?.error ?? null) !== (host.error ?? null))
      events.push({ type: "host", host: host.host, at, error: host.error ?? null });
    return [...events, ...diffSessions(previous, host, at)];
  });
}
