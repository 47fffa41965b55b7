import type { ObservedSession, StateChange } from "./stateChange.js";

// Turns successive polls of each host into state changes. A host's first poll is the baseline (the states already
// there when moor starts notify nobody); a session that appears later changes from `undefined`.
export class ChangeTracker {
  readonly #hosts = new Map<string, Map<string, string>>();

  /** One fresh poll of a host (never a stale one: its sessions are not current). */
  observe(host: string, sessions: readonly ObservedSession[], at: number): StateChange[] {
    const before = this.#hosts.get(host);
    this.#hosts.set(host, new Map(sessions.map((session) => [session.session, session.state])));
    if (before === undefined) return [];
    return sessions.flatMap((session) => {
      const previous = before.get(session.session);
      if (previous === session.state) return [];
      return [{ ...session, target: `${host}:${session.session}`, previous, at }];
    });
  }
}
