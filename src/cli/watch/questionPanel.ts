import type { WatchedSession, WatchSnapshot } from "../../core/overview/watchTypes.js";
import { isStale } from "../../core/overview/watchTypes.js";
import type { Question } from "../../state/question.js";
import { cellWidth } from "../../text/cells.js";
import type { Style } from "../render/style.js";
import { paintLine, sanitize } from "./paintLine.js";
import { sessionKey } from "./viewState.js";

/** Reads the question a watched session shows (the agent's dialog rule over its screen lines). */
export type QuestionOf = (session: WatchedSession) => Question | undefined;

// The selected session's question, when it is asking on a live host: a rule naming it and the keys, the question's
// text and its numbered options (at most `height` lines); none when it asks nothing moor can read.
export function renderQuestion(
  snapshot: WatchSnapshot,
  selected: string | undefined,
  questionOf: QuestionOf,
  width: number,
  height: number,
  style: Style,
): string[] {
  const host = snapshot.hosts.find((candidate) =>
    candidate.sessions.some((session) => sessionKey(candidate.host, session.name) === selected),
  );
  const session = host?.sessions.find((candidate) => sessionKey(host.host, candidate.name) === selected);
  if (host === undefined || session === undefined || isStale(host) || session.state.state !== "asking") return [];
  const question = questionOf(session);
  const title = `── ${sanitize(selected ?? "")} asks (${question ? "1–9/y/n answer · " : ""}Esc dismiss · r reply) `;
  const rule = paintLine(
    [{ text: title + "─".repeat(Math.max(0, width - cellWidth(title))), paint: style.yellow }],
    width,
  );
  const text = question?.text ?? session.state.reason;
  const options = (question?.options ?? []).map((option) =>
    paintLine(
      [
        { text: `  ${String(option.number)}. `, paint: style.bold },
        { text: sanitize(option.label), ...(option.number === question?.selected ? { paint: style.bold } : {}) },
      ],
      width,
    ),
  );
  return [rule, paintLine([{ text: sanitize(text) }], width), ...options].slice(0, Math.max(2, height));
}
