import type { StateChange } from "./stateChange.js";

// What notify.command is told about one change: the same facts as MOOR_* variables and as one JSON object on stdin.
export function commandPayload(change: StateChange): { env: Record<string, string>; json: string } {
  const excerpt = change.excerpt.join("\n");
  const env = {
    MOOR_TARGET: change.target,
    MOOR_HOST: change.host,
    MOOR_SESSION: change.session,
    MOOR_STATE: change.state,
    MOOR_PREVIOUS: change.previous ?? "",
    MOOR_AGENT: change.agent ?? "",
    MOOR_REASON: change.reason,
    MOOR_EXCERPT: excerpt,
    MOOR_QUESTION: change.question ?? "",
  };
  const json = JSON.stringify({
    target: change.target,
    host: change.host,
    session: change.session,
    state: change.state,
    previous: change.previous ?? null,
    agent: change.agent ?? null,
    reason: change.reason,
    excerpt,
    question: change.question ?? null,
    at: new Date(change.at).toISOString(),
  });
  return { env, json };
}
