import type { StateChange } from "./stateChange.js";

export interface Delivered {
  host: string;
  session: string;
  /** HOST:SESSION[:WINDOW] as queued. */
  target: string;
  /** The session's state just before the prompt was typed (waiting). */
  previous: string;
  agent: string | undefined;
  /** The prompt typed. */
  text: string;
  at: number;
}

const PREVIEW_CHARS = 80;

// A queued prompt typed into its session, as the notifier's channels take it: state "sent", the prompt's first line
// as the reason (notify.command gets MOOR_STATE=sent and MOOR_REASON='queued prompt typed: …').
export function deliveryChange(delivered: Delivered): StateChange {
  const [first = ""] = delivered.text.split("\n");
  const preview = first.length > PREVIEW_CHARS ? `${first.slice(0, PREVIEW_CHARS - 1)}…` : first;
  return {
    host: delivered.host,
    session: delivered.session,
    target: delivered.target,
    state: "sent",
    previous: delivered.previous,
    agent: delivered.agent,
    reason: `queued prompt typed: ${preview}`,
    excerpt: [],
    at: delivered.at,
  };
}
