import { remoteError } from "../../errors.js";
import type { ChannelEnd } from "./channelRun.js";
import type { AttachOutcome } from "./ports.js";
import { lastLine, tmuxFarewell } from "./tmuxFarewell.js";

/** A TERM every tmux host knows, for when the local one has no terminfo entry on the remote. */
const FALLBACK_TERM = "xterm-256color";

export interface FinishContext {
  term: string;
  target: string;
  host: string;
  targetExists: () => Promise<boolean>;
}

export type Verdict = AttachOutcome | { kind: "retry"; term: string };

// Why the tmux client exited with a status: a detach (exit 0), the session gone (exit 0 with a message),
// an unknown TERM (try again with a common one), or a refusal worth reporting (exit 6).
export async function finishAttach(
  end: Extract<ChannelEnd, { kind: "exit" }>,
  context: FinishContext,
): Promise<Verdict> {
  const farewell = tmuxFarewell(end.tail);
  if (farewell === "detached") return { kind: "detached" };
  if (farewell === "exited") return { kind: "ended" };
  if (farewell === "unsupported-terminal" && context.term !== FALLBACK_TERM)
    return { kind: "retry", term: FALLBACK_TERM };
  const exists = await context.targetExists().catch(() => true);
  if (!exists) return { kind: "ended" };
  if (end.code === 0) return { kind: "detached" };
  const said = lastLine(end.tail) || `exit status ${end.code ?? end.signal ?? "unknown"}`;
  throw remoteError(`tmux could not attach to ${context.target} on ${context.host}: ${said}`, {
    hint: `"moor peek ${context.target}" shows the pane without attaching`,
  });
}
