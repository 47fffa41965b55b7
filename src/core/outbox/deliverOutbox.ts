import { ExitCode, isMoorError } from "../../errors.js";
import type { TrackedState } from "../../state/index.js";
import type { MoorContext } from "../moorContext.js";
import { parseTarget, type SessionTarget } from "../../core/target.js";
import { planSend, sendText } from "../sessions/sendText.js";
import { LS_LINK } from "../overview/overviewLinks.js";
import { readSessionState } from "../state/readSessionState.js";
import { itemBytes, type Outbox } from "./outbox.js";
import type { OutboxItem } from "./outboxFile.js";

/** Why a target's first item was not typed now, in words for `outbox ls` ("host dark", "agent working"). */
export type WaitReason = string;

/** One target's turn: its first item typed now, or why it still waits. */
export type DeliveryOutcome =
  | { kind: "sent"; item: OutboxItem; state: TrackedState }
  | { kind: "waiting"; item: OutboxItem; why: WaitReason; state?: TrackedState }
  | { kind: "failed"; item: OutboxItem; why: WaitReason; error: unknown };

/** How a target looks right now: its state, or the error that reading it gave (dark host, gone session). */
export type TargetLook = { state: TrackedState } | { error: unknown };

// Why a session in this state does not take a prompt now; undefined when it does (waiting: its turn is over).
export function stateReason(state: TrackedState): WaitReason | undefined {
  switch (state.state) {
    case "waiting":
      return undefined;
    case "working":
      return "agent working";
    case "asking":
      return "agent asking (answer it with moor answer)";
    default:
      return `session is ${state.state}, not waiting at an agent's prompt`;
  }
}

// Why a target that could not be read waits: its host is dark, or its session is gone (kept queued either way).
export function errorReason(error: unknown): WaitReason {
  if (isMoorError(error) && error.exitCode === ExitCode.unreachable) return `host dark (${error.message})`;
  if (isMoorError(error) && error.exitCode === ExitCode.notFound)
    return /^unknown host/.test(error.message) ? `${error.message} (kept queued)` : "session gone (kept queued)";
  return `cannot read the session: ${error instanceof Error ? error.message : String(error)}`;
}

// Reads a target's state now (outbox ls, flush): one list-panes and one capture, as moor status does.
export async function lookAt(ctx: MoorContext, target: SessionTarget): Promise<TargetLook> {
  // One attempt, as ls makes: a dark host is said so within seconds, not after a command's retries.
  try {
    const tmux = ctx.tmux(target.host, LS_LINK);
    const report = await readSessionState(
      (argv) => tmux.run(argv, { target: `${target.host}:${target.session}`, action: "reading the session's state" }),
      target,
      { rules: ctx.rules, idleAfterSeconds: ctx.idleSeconds },
    );
    return { state: report.state };
  } catch (error) {
    return { error };
  }
}

// Types one item as `moor send` types a prompt: one paste, then Enter once a known agent shows it.
export async function typeItem(ctx: MoorContext, item: OutboxItem): Promise<void> {
  const target = parseTarget(item.target, { session: "required", window: "allowed", command: "outbox" });
  const plan = planSend({ target, text: itemBytes(item), enter: item.enter, keys: [] });
  await sendText(ctx, plan, { rules: ctx.rules });
}

export interface DeliverOptions {
  /** Types one item (typeItem; a fake in tests). */
  type: (item: OutboxItem) => Promise<void>;
}

// One target's turn, given how it looks now: when it is waiting, its first item is claimed under the outbox lock
// (so no other moor types it too), typed, and removed. An item that failed to type goes back to the queue when the
// host was never reached; otherwise it stays claimed (it may have arrived) and ls says to look.
export async function deliverFirst(
  outbox: Outbox,
  target: string,
  look: TargetLook,
  options: DeliverOptions,
): Promise<DeliveryOutcome | undefined> {
  const first = outbox.list().find((item) => item.target === target);
  if (first === undefined) return undefined;
  if ("error" in look) return { kind: "waiting", item: first, why: errorReason(look.error) };
  const why = stateReason(look.state);
  if (why !== undefined) return { kind: "waiting", item: first, why, state: look.state };
  const claim = outbox.claim(target, look.state.since);
  if (claim.kind === "empty") return undefined;
  if (claim.kind === "busy") return { kind: "waiting", item: claim.item, why: "being typed by another moor" };
  if (claim.kind === "interrupted") return { kind: "waiting", item: claim.item, why: interruptedReason(claim.item) };
  if (claim.kind === "settling")
    return { kind: "waiting", item: claim.item, why: "the previous queued prompt's turn has not ended yet" };
  try {
    await options.type(claim.item);
  } catch (error) {
    if (neverReached(error)) outbox.release(claim.item.id);
    else outbox.abandon(claim.item.id);
    return { kind: "failed", item: claim.item, why: errorReason(error), error };
  }
  outbox.delivered(claim.item);
  return { kind: "sent", item: claim.item, state: look.state };
}

export const interruptedReason = (item: OutboxItem): WaitReason =>
  `typing it was interrupted, it may have arrived: look with "moor peek ${item.target}", then "moor outbox rm ${item.id}"`;

// A failure that typed nothing: the host could not be reached at all (not a link that dropped mid-command), or
// send's guard refused before typing (a half-written draft in the box, a question on screen: "nothing typed").
function neverReached(error: unknown): boolean {
  if (!isMoorError(error)) return false;
  if (error.exitCode === ExitCode.remote) return /half-written prompt|nothing typed/.test(error.message);
  return error.exitCode === ExitCode.unreachable && !/dropped while/.test(error.message);
}

// The targets with items, in the order their first items were queued.
export function queuedTargets(items: readonly OutboxItem[]): string[] {
  return [...new Set(items.map((item) => item.target))];
}

// A typed item, as the notifier is told of it (state "sent").
export function whatWasSent(outcome: Extract<DeliveryOutcome, { kind: "sent" }>) {
  const { host, session } = parseTarget(outcome.item.target, {
    session: "required",
    window: "allowed",
    command: "outbox",
  });
  const text = outcome.item.text ?? itemBytes(outcome.item).toString("utf8");
  return {
    host,
    session,
    target: outcome.item.target,
    previous: outcome.state.state,
    agent: outcome.state.agent,
    text,
  };
}
