import type { DeliveryOutcome } from "../../../core/outbox/deliverOutbox.js";
import type { OutboxItem } from "../../../core/outbox/outboxFile.js";
import { itemPreview, type WaitingItem } from "../../../core/outbox/outboxReport.js";
import { formatTable } from "../../render/table.js";

// An item as --json shows it: its text exactly (or base64 when not UTF-8), when queued, and why it waits.
export function itemJson(item: OutboxItem, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: item.id,
    target: item.target,
    ...(item.text === undefined ? { base64: item.base64 } : { text: item.text }),
    enter: item.enter,
    queuedAt: item.queuedAt,
    ...extra,
  };
}

export function outboxTable(waiting: readonly WaitingItem[], now: number): string {
  const rows = waiting.map(({ item, state, why }) => [
    item.id,
    item.target,
    age(now - Date.parse(item.queuedAt)),
    state,
    why,
    itemPreview(item, 40),
  ]);
  return formatTable(["ID", "TARGET", "QUEUED", "STATE", "WHY IT WAITS", "TEXT"], rows);
}

// "sent q1a2b3 to gpu1:fix-tests" or "q1a2b3 to gpu1:fix-tests still waits: agent working".
export function outcomeLine(outcome: DeliveryOutcome): string {
  const { id, target } = outcome.item;
  if (outcome.kind === "sent") return `sent ${id} to ${target}`;
  if (outcome.kind === "failed") return `${id} to ${target} not typed: ${outcome.why}`;
  return `${id} to ${target} still waits: ${outcome.why}`;
}

export function outcomeJson(outcome: DeliveryOutcome): Record<string, unknown> {
  return itemJson(outcome.item, {
    result: outcome.kind,
    ...(outcome.kind === "sent" ? {} : { why: outcome.why }),
  });
}

function age(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${String(seconds)}s ago`;
  if (seconds < 3600) return `${String(Math.round(seconds / 60))}m ago`;
  if (seconds < 86_400) return `${String(Math.round(seconds / 3600))}h ago`;
  return `${String(Math.round(seconds / 86_400))}d ago`;
}
