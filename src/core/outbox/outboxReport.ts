import type { MoorContext } from "../moorContext.js";
import { parseTarget } from "../../core/target.js";
import {
  deliverFirst,
  errorReason,
  interruptedReason,
  lookAt,
  queuedTargets,
  stateReason,
  typeItem,
  type DeliveryOutcome,
  type TargetLook,
  type WaitReason,
} from "./deliverOutbox.js";
import { itemBytes, type Outbox } from "./outbox.js";
import type { OutboxItem } from "./outboxFile.js";

/** One item as `outbox ls` shows it: why it still waits. */
export interface WaitingItem {
  item: OutboxItem;
  /** "queued", or "sending" while a moor types it, or "interrupted" when that moor died mid-type. */
  state: "queued" | "sending" | "interrupted";
  why: WaitReason;
}

// How each queued target looks now, read in parallel (a dark host answers within its link's retry budget).
async function lookAtAll(ctx: MoorContext, targets: readonly string[]): Promise<Map<string, TargetLook>> {
  const looks = await Promise.all(
    targets.map(
      async (target) =>
        [
          target,
          await lookAt(ctx, parseTarget(target, { session: "required", window: "allowed", command: "outbox" })),
        ] as const,
    ),
  );
  return new Map(looks);
}

// moor outbox ls: every item, and why it has not been typed yet (host dark, agent working, agent asking, session gone).
export async function listOutbox(ctx: MoorContext, outbox: Outbox): Promise<WaitingItem[]> {
  const items = outbox.list();
  const looks = await lookAtAll(ctx, queuedTargets(items));
  const firsts = new Map<string, OutboxItem>();
  return items.map((item): WaitingItem => {
    if (outbox.interrupted(item)) return { item, state: "interrupted", why: interruptedReason(item) };
    if (item.state === "sending") return { item, state: "sending", why: "being typed now" };
    const ahead = firsts.get(item.target);
    firsts.set(item.target, ahead ?? item);
    if (ahead !== undefined) return { item, state: "queued", why: `behind ${ahead.id}` };
    const look = looks.get(item.target);
    if (look === undefined || "error" in look)
      return { item, state: "queued", why: errorReason(look?.error ?? "not read") };
    return { item, state: "queued", why: stateReason(look.state) ?? "session waiting: typed at the next look" };
  });
}

// moor outbox flush: each queued target is looked at now, and its first item typed when its session is waiting.
export async function flushOutbox(ctx: MoorContext, outbox: Outbox): Promise<DeliveryOutcome[]> {
  const targets = queuedTargets(outbox.list());
  const looks = await lookAtAll(ctx, targets);
  const outcomes = await Promise.all(
    targets.map((target) =>
      deliverFirst(outbox, target, looks.get(target) ?? { error: new Error("not read") }, {
        type: (item) => typeItem(ctx, item),
      }),
    ),
  );
  return outcomes.filter((outcome) => outcome !== undefined);
}

// An item's text in one line for a table: newlines shown as ⏎, cut to WIDTH.
export function itemPreview(item: OutboxItem, width = 50): string {
  const text = (item.text ?? `${itemBytes(item).length} bytes`).replace(/\r?\n/g, "⏎").replace(/\p{Cc}/gu, "?");
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}
