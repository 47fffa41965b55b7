import { InvalidArgumentError } from "commander";
import { SESSION_STATES, type SessionState } from "../../state/index.js";

// "asking,waiting" → the states; an unknown name is refused naming the ones there are (exit 2).
export function parseStates(value: string): SessionState[] {
  const names = value
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  if (names.length === 0)
    throw new InvalidArgumentError(`expected states separated by commas (${SESSION_STATES.join(", ")})`);
  const bad = names.find((name) => !(SESSION_STATES as readonly string[]).includes(name));
  if (bad !== undefined)
    throw new InvalidArgumentError(`unknown state "${bad}": expected some of ${SESSION_STATES.join(", ")}`);
  return [...new Set(names)] as SessionState[];
}
