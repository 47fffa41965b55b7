import type { MoorContext } from "../../core/moorContext.js";
import { typeItem, whatWasSent } from "../../core/outbox/deliverOutbox.js";
import type { Outbox } from "../../core/outbox/outbox.js";
import { outboxCourier } from "../../core/outbox/outboxCourier.js";
import { deliveryChange } from "../../notify/deliveryChange.js";
import type { StateChange } from "../../notify/stateChange.js";

export interface CourierSinks {
  /** The delivery's notification (state "sent"), through watch's notifier. */
  announce: (change: StateChange) => void;
  /** One line on the view ("typed q1a2b3 into gpu1:fix-tests"). */
  notice: (message: string) => void;
}

// moor watch types the outbox too: a queued prompt whose session it sees waiting is typed (claimed under the outbox
// lock, so a holder doing the same never types it twice), said on the view, and notified.
export function watchCourier(ctx: MoorContext, outbox: Outbox, sinks: CourierSinks) {
  return outboxCourier({
    outbox,
    type: (item) => typeItem(ctx, item),
    report: (problem) => sinks.notice(`outbox: ${problem}`),
    onOutcome: (outcome) => {
      if (outcome.kind !== "sent") return sinks.notice(`queued ${outcome.item.id} not typed: ${outcome.why}`);
      sinks.notice(`typed queued ${outcome.item.id} into ${outcome.item.target}`);
      sinks.announce(deliveryChange({ ...whatWasSent(outcome), at: Date.now() }));
    },
  });
}
