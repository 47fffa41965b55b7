// What `moor new` records on the remote so `moor revive` can recreate the session as it was.
export interface WindowSpec {
  name: string;
  command?: string[];
}

export interface SessionSpec {
  version: 1;
  session: string;
  cwd?: string;
  /** The agent's argv, run in the first window. */
  command?: string[];
  /** The agent as told by --agent (a known agent's name, or "none"), when moor is not to recognise it itself. */
  agent?: string;
  windows: WindowSpec[];
  log: boolean;
  createdAt: string;
  /** The agent's conversation, for revive to resume it: its id when moor chose it at launch, else learned later. */
  conversation?: Conversation;
}

/** The resume ledger's part in the spec: which agent, and the conversation's id when moor gave it at launch. */
export interface Conversation {
  agent: string;
  id?: string;
}

/** The spec format this moor writes; a higher one was written by a newer moor. */
const SPEC_VERSION = 1;

// Throws an Error saying why (corrupted, or written by a newer moor); the caller names the file.
export function parseSessionSpec(text: string, where: string): SessionSpec {
  let value: Partial<SessionSpec>;
  try {
    value = JSON.parse(text) as Partial<SessionSpec>;
  } catch {
    throw new Error(`${where} is corrupted: not JSON`);
  }
  if (typeof value.version === "number" && value.version > SPEC_VERSION)
    throw new Error(`${where} was written by a newer moor (spec version ${String(value.version)})`);
  if (value.version !== SPEC_VERSION || typeof value.session !== "string" || !Array.isArray(value.windows)) {
    throw new Error(`${where} is corrupted: not a session spec moor wrote`);
  }
  return value as SessionSpec;
}
