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
}

export function parseSessionSpec(text: string, where: string): SessionSpec {
  const value = JSON.parse(text) as Partial<SessionSpec>;
  if (value.version !== 1 || typeof value.session !== "string" || !Array.isArray(value.windows)) {
    throw new Error(`${where} is not a session spec moor wrote`);
  }
  return value as SessionSpec;
}
