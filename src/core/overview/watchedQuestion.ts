import { questionOf, type AgentRules } from "../../state/index.js";
import type { WatchedSession } from "./watchTypes.js";

// An asking session's question as one text for people and notify.command: its first line, then one line per
// option ("1. Yes"); undefined when it is not asking or its agent's dialog cannot be read.
export function watchedQuestion(rules: AgentRules): (session: WatchedSession) => string | undefined {
  return (session) => {
    if (session.state.state !== "asking") return undefined;
    const question = questionOf(rules, session.state.agent, session.lines);
    if (question === undefined) return undefined;
    return [question.text, ...question.options.map((option) => `${String(option.number)}. ${option.label}`)].join("\n");
  };
}
