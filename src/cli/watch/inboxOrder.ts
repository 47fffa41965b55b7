import { isStale, type HostView, type WatchedSession, type WatchSnapshot } from "../../core/overview/watchTypes.js";

// asking first, then waiting: what needs the person, and how urgently (a live host's sessions only).
const urgency = (host: HostView, session: WatchedSession): number =>
  isStale(host) ? 0 : session.state.state === "asking" ? 2 : session.state.state === "waiting" ? 1 : 0;

// The live view as an inbox: hosts with sessions that need you come first, and within each host those sessions come
// first (asking, then waiting); otherwise the engine's order is kept, so rows do not jump for no reason.
export function inboxOrder(snapshot: WatchSnapshot): WatchSnapshot {
  const hosts = snapshot.hosts.map((host, index) => {
    const sessions = host.sessions
      .map((session, at) => ({ session, at, urgency: urgency(host, session) }))
      .sort((a, b) => b.urgency - a.urgency || a.at - b.at);
    const top = sessions[0]?.urgency ?? 0;
    return { host: { ...host, sessions: sessions.map((entry) => entry.session) }, index, top };
  });
  hosts.sort((a, b) => b.top - a.top || a.index - b.index);
  return { ...snapshot, hosts: hosts.map((entry) => entry.host) };
}
