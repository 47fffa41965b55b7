import { usageError } from "../errors.js";

const NAME_RULE = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,63}$/;
const NAME_RULE_TEXT = "1-64 characters of letters, digits, '_' and '-', not starting with '-'";

export type NameKind = "session" | "window";

// The rule every session and window name must pass before any connection is made (exit 2, naming the rule).
export function validateName(kind: NameKind, value: string): string {
  if (!NAME_RULE.test(value)) {
    throw usageError(
      `invalid ${kind} name ${JSON.stringify(value)}: must be ${NAME_RULE_TEXT}`,
      `tmux would rename or prefix-match such a name; pick one like "agent-1"`,
    );
  }
  return value;
}
