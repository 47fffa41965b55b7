import type { ObservedSession } from "../../notify/stateChange.js";
import { isStale, type HostView, type WatchedSession } from "./watchTypes.js";

const EXCERPT_LINES = 5;

// The state engine's verdict on the session, as the notifier reads it.
function observe(host: string, session: WatchedSession, questionOf: QuestionText | undefined): ObservedSession {
  const { state, agent, reason } = session.state;
  const question = questionOf?.(session);
  return {
    host,
    session: session.name,
    state,
    agent,
    reason,
    excerpt: session.lines.slice(-EXCERPT_LINES),
    ...(question === undefined ? {} : { question }),
  };
}

/** Reads an asking session's question as text (core/overview/watchedQuestion.ts). */
export type QuestionText = (session: WatchedSession) => string | undefined;

// The hosts of a watch snapshot whose sessions are current (polled, link up), as the notifier reads them.
export function freshHosts(
  hosts: readonly HostView[],
  questionOf?: QuestionText,
): { host: string; sessions: ObservedSession[] }[] {
  return hosts
    .filter((host) => host.polled && !isStale(host))
    .map((host) => ({
      host: host.host,
      sessions: host.sessions.map((session) => observe(host.host, session, questionOf)),
    }));
}
