// Which of an agent's conversations belongs to which moor session, for agents that cannot be told their
// conversation's id at launch (Codex, opencode). Two sessions of one agent in one folder are normal, so "the latest
// in the folder" is not enough: a conversation belongs to the session of that agent and folder launched last
// before the conversation began, and one that another session already holds is not a candidate.

/** One conversation as the agent records it. */
export interface AgentConversation {
  id: string;
  /** The folder it runs in, absolute. */
  cwd: string;
  /** Epoch ms when it began. */
  created: number;
}

/** One session moor started on the host, from its ledger. */
export interface LedgerEntry {
  session: string;
  agent: string;
  /** Absolute folder. */
  cwd: string;
  /** Epoch ms of the launch, on the remote's clock. */
  launched: number;
  /** Its conversation's id, when known. */
  id: string | undefined;
}

/** The learned id, or why there is none (said out loud by revive). */
export type MatchResult = { id: string } | { id: null; why: string };

// The conversation launched in SESSION's window: begun after its launch (taken on the remote's clock before the
// agent started) and before the next launch of the same agent in the same folder, held by no other session.
// More than one (a session that began several conversations): the latest.
export function matchConversation(
  session: LedgerEntry,
  ledger: readonly LedgerEntry[],
  conversations: readonly AgentConversation[],
): MatchResult {
  const siblings = ledger.filter(
    (entry) => entry.session !== session.session && entry.agent === session.agent && entry.cwd === session.cwd,
  );
  const held = new Set(siblings.flatMap((entry) => (entry.id === undefined ? [] : [entry.id])));
  const next = Math.min(...siblings.map((entry) => entry.launched).filter((launched) => launched > session.launched));
  const mine = conversations
    .filter(
      (conversation) =>
        sameFolder(conversation.cwd, session.cwd) &&
        conversation.created >= session.launched &&
        conversation.created < next &&
        !held.has(conversation.id),
    )
    .sort((a, b) => a.created - b.created);
  const latest = mine.at(-1);
  if (latest !== undefined) return { id: latest.id };
  return {
    id: null,
    why: `${session.agent} recorded no conversation in ${session.cwd} begun between this session's launch and the next ${session.agent} session's there`,
  };
}

const trimSlash = (path: string): string => (path.length > 1 ? path.replace(/\/+$/, "") : path);

function sameFolder(a: string, b: string): boolean {
  return trimSlash(a) === trimSlash(b);
}
