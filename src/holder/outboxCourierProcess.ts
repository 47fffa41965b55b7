import type { MoorContext } from "../core/moorContext.js";
import { systemClock } from "../clock.js";
import { courierLock } from "./courierStart.js";
import { takeHolderLock } from "./lock.js";
import { outboxDelivery } from "./outboxDelivery.js";

// `moor outbox serve`: types the outbox as the holder does, until it has been empty for a few seconds.
export async function serveCourier(ctx: MoorContext, env: NodeJS.ProcessEnv): Promise<void> {
  const release = await takeHolderLock(courierLock(ctx.configDir), 1_000);
  if (!release) return;
  const log = (line: string): void => void process.stdout.write(`${new Date().toISOString()} ${line}\n`);
  const delivery = outboxDelivery({ configDir: ctx.configDir, makeContext: () => ctx, clock: systemClock, env, log });
  try {
    let emptySince = Date.now();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (delivery.pending()) emptySince = Date.now();
      else if (Date.now() - emptySince > 3_000) break;
    }
  } finally {
    delivery.stop();
    release();
    log("outbox empty: courier leaving");
  }
}
