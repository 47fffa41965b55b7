import { isStale, type WatchSnapshot } from "../overview/watchTypes.js";
import { parseTarget } from "../../core/target.js";
import { deliverFirst, queuedTargets, type DeliveryOutcome } from "./deliverOutbox.js";
import type { Outbox } from "./outbox.js";
import type { OutboxItem } from "./outboxFile.js";

export interface CourierOptions {
  outbox: Outbox;
  type: (item: OutboxItem) => Promise<void>;
  /** A queued prompt was typed, or typing it failed. */
  onOutcome: (outcome: DeliveryOutcome) => void;
  /** The outbox cannot be read (reported once per message, never thrown at the watch). */
  report: (problem: string) => void;
}

// The engine's delivery of the outbox, fed each watch snapshot (moor watch, the holder): a queued target whose host
// just answered and whose session is waiting gets its first item typed, one at a time per target.
export function outboxCourier(options: CourierOptions): { observe(snapshot: WatchSnapshot): void } {
  const typing = new Set<string>();
  let lastProblem: string | undefined;
  const items = (): OutboxItem[] => {
    try {
      const listed = options.outbox.list();
      lastProblem = undefined;
      return listed;
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      if (problem !== lastProblem) options.report(problem);
      lastProblem = problem;
      return [];
    }
  };
  return {
    observe: (snapshot) => {
      for (const target of queuedTargets(items())) {
        if (typing.has(target)) continue;
        const { host, session } = parseTarget(target, { session: "required", window: "allowed", command: "outbox" });
        const view = snapshot.hosts.find((candidate) => candidate.host === host);
        if (view === undefined || !view.polled || isStale(view)) continue;
        const found = view.sessions.find((candidate) => candidate.name === session);
        if (found?.state.state !== "waiting") continue;
        typing.add(target);
        void deliverFirst(options.outbox, target, { state: found.state }, { type: options.type })
          .then((outcome) => {
            if (outcome !== undefined && outcome.kind !== "waiting") options.onOutcome(outcome);
          })
          .catch((error: unknown) => options.report(error instanceof Error ? error.message : String(error)))
          .finally(() => typing.delete(target));
      }
    },
  };
}
