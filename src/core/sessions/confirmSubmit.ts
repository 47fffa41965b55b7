import { remoteError } from "../../errors.js";
import { decidePaneState, inputText, type Agent, type AgentRules, type Decision } from "../../state/index.js";
import { paneIdentityArgv, parsePaneIdentity, type PaneIdentity } from "../../tmux/paneIdentity.js";
import { sendKeysArgv } from "../../tmux/send.js";
import type { RemoteTmux } from "../remoteTmux.js";
import { paneObservation } from "./agentSubmit.js";
import type { Clock } from "../../clock.js";

/** One look at an agent's pane: its state by the rules, what its input box holds, and its screen rows. */
export interface AgentLook {
  decision: Decision;
  /** The input box's text ("" when empty), undefined when no box is on screen. */
  box: string | undefined;
  rows: string[];
}

export function lookAt(pane: PaneIdentity, agent: Agent, rules: AgentRules, nowMs: number): AgentLook {
  const observation = paneObservation(pane, Math.floor(nowMs / 1000));
  const rows = [...(observation.screen ?? [])];
  return {
    decision: decidePaneState({ ...observation, agentHint: agent.name }, rules, { now: Math.floor(nowMs / 1000) }),
    box: agent.input === undefined ? undefined : inputText(agent.input, rows),
    rows,
  };
}

const POLL_MS = 100;
// How long the paste may take to show in the box, and the agent to take it after each Enter. Each wait ends as soon as
// it is met; the full length is spent only by a prompt that is not going in (on a test machine with a load of 40,
// Claude Code took longer than 3 s to show a paste, and opencode several seconds to take an Enter).
const SHOW_WITHIN_MS = 10_000;
const TAKE_WITHIN_MS = 20_000;
const BUSY_WITHIN_MS = 5_000;

interface Submitting {
  tmux: RemoteTmux;
  pane: string;
  label: string;
  agent: Agent;
  rules: AgentRules;
  time: Clock;
}

function looker(s: Submitting): () => Promise<AgentLook> {
  return async () => {
    const output = await s.tmux.run(paneIdentityArgv(s.pane), {
      target: s.label,
      action: "checking that the agent took the prompt",
    });
    return lookAt(parsePaneIdentity(output), s.agent, s.rules, s.time.now());
  };
}

// Polls until DONE says so or WITHIN ms pass; the last look either way.
async function pollUntil(
  s: Submitting,
  look: () => Promise<AgentLook>,
  within: number,
  done: (seen: AgentLook) => boolean,
): Promise<{ done: boolean; seen: AgentLook }> {
  const start = s.time.now();
  for (;;) {
    await s.time.sleep(POLL_MS);
    const seen = await look();
    if (done(seen)) return { done: true, seen };
    if (s.time.now() - start >= within) return { done: false, seen };
  }
}

// Presses the agent's submit key once the paste shows in its input box (changed from BEFORE, then still for
// settleMs; at most 10 s), and returns only once the agent took the prompt: its box emptied after showing it, or it is working.
// Not taken within 20 s: the submit key once more; still not: exit 6, "typed but not submitted", with the
// screen's last rows as evidence.
export async function submitConfirmed(s: Submitting, before: AgentLook, keys: readonly string[]): Promise<void> {
  const settleMs = s.agent.submit?.settleMs ?? 300;
  const look = looker(s);
  let shown = false;
  let last = before.box;
  let since = s.time.now();
  await pollUntil(s, look, SHOW_WITHIN_MS, (seen) => {
    if (seen.box !== last) [last, since] = [seen.box, s.time.now()];
    shown ||= seen.box !== undefined && seen.box !== "" && seen.box !== before.box;
    return shown && s.time.now() - since >= settleMs;
  });
  // Busy before: only an emptied box tells that it took this prompt (queued), not its being busy.
  const busy = before.decision.state === "working";
  // A program that ended took its last input (a /quit, or a prompt it ran and left on).
  const taken = (seen: AgentLook): boolean =>
    (shown && seen.box === "") ||
    seen.decision.state === "exited" ||
    (!busy && (seen.decision.state === "working" || seen.decision.state === "asking"));
  const enter = (extra: readonly string[]) =>
    s.tmux.run(sendKeysArgv(s.pane, ["Enter", ...extra]), { target: s.label, action: "pressing Enter" });
  // An emptied box comes a moment before the agent sends the prompt on: wait for it to show it is busy (a reply too
  // quick to see ends that wait at 5 s).
  const startedWork = async (seen: AgentLook): Promise<void> => {
    if (seen.decision.state === "waiting")
      await pollUntil(s, look, BUSY_WITHIN_MS, (next) => next.decision.state !== "waiting");
  };
  await enter(keys);
  const first = await pollUntil(s, look, TAKE_WITHIN_MS, taken);
  if (first.done) return startedWork(first.seen);
  await enter([]);
  const again = await pollUntil(s, look, TAKE_WITHIN_MS, taken);
  if (again.done) return startedWork(again.seen);
  const evidence = again.seen.rows.filter((row) => row.trim() !== "").slice(-6);
  throw remoteError(
    `${s.label}: typed but not submitted: ${s.agent.label} did not take the prompt after Enter twice; its screen ends:\n${evidence.map((row) => `  | ${row}`).join("\n")}`,
    `moor peek ${s.label} shows it now; moor attach ${s.label} to submit or clear it`,
  );
}
