import { usageError } from "../errors.js";

const NAME_RULE = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,63}$/;

// The rule every session and window name must pass before any connection is made.
export const NAME_RULE_TEXT = "1-64 characters of letters, digits, '_' and '-', not starting with '-'";

export type NameKind = "session" | "window";

export function validateName(kind: NameKind, value: string): string {
  if (!NAME_RULE.test(value)) {
    throw usageError(
      `invalid ${kind} name ${JSON.stringify(value)}: must be ${NAME_RULE_TEXT}`,
      `tmux would rename or prefix-match such a name; pick one like "agent-1"`,
    );
  }
  return value;
}

export interface Target {
  host: string;
  session?: string;
  window?: string;
}

export interface SessionTarget extends Target {
  session: string;
}

// Splits HOST[:SESSION[:WINDOW]] and validates the session and window names.
export function parseTarget(text: string): Target {
  const parts = text.split(":");
  if (parts.length > 3 || (parts.some((part) => part === "") && parts.length > 1)) {
    throw usageError(
      `invalid target ${JSON.stringify(text)}: expected HOST:SESSION or HOST:SESSION:WINDOW`,
      `names may not contain ':'; for example "box1:agent"`,
    );
  }
  const [host = "", session, window] = parts;
  if (host === "") throw usageError("missing target: expected HOST:SESSION", `for example "box1:agent"`);
  return {
    host,
    ...(session === undefined ? {} : { session: validateName("session", session) }),
    ...(window === undefined ? {} : { window: validateName("window", window) }),
  };
}

// For commands that act on one session: HOST alone is refused with a message that says so.
export function parseSessionTarget(text: string, command: string): SessionTarget {
  const target = parseTarget(text);
  if (target.session === undefined) {
    throw usageError(
      `moor ${command} needs a session: got only the host ${JSON.stringify(target.host)}`,
      `write HOST:SESSION, for example "${target.host}:agent"; "moor ls ${target.host}" lists its sessions`,
    );
  }
  return target as SessionTarget;
}
