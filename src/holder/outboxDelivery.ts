import { fileStamp } from "./fileStamp.js";
import { readSettings } from "../config/settings.js";
import type { MoorContext } from "../core/moorContext.js";
import { typeItem, whatWasSent } from "../core/outbox/deliverOutbox.js";
import { Outbox } from "../core/outbox/outbox.js";
import { outboxFile } from "../core/outbox/outboxFile.js";
import { outboxCourier } from "../core/outbox/outboxCourier.js";
import { startWatch } from "../core/overview/startWatch.js";
import type { HostWatch } from "../core/overview/watchHosts.js";
import { parseTarget } from "../core/target.js";
import type { Clock } from "../clock.js";
import { deliveryChange } from "../notify/deliveryChange.js";
import { watchNotifier } from "../notify/watchNotifier.js";
import { processAlive } from "./processAlive.js";

export interface OutboxDeliveryOptions {
  configDir: string;
  makeContext: () => MoorContext;
  clock: Clock;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /** How often each watched host is polled while items wait. Default 1 s. */
  intervalMs?: number;
}

export interface OutboxDelivery {
  /** Whether prompts wait in the outbox: the holder stays up for them. */
  pending(): boolean;
  stop(): void;
}

// The holder types the outbox: while prompts wait, the hosts they are for are watched (as moor watch does) and each
// prompt is typed when its session is waiting. The file is checked twice a second, so a `send --queue` made by any
// moor is picked up at once. Deliveries notify (state "sent") when notify.background is on.
export function outboxDelivery(options: OutboxDeliveryOptions): OutboxDelivery {
  const file = outboxFile(options.configDir);
  const outbox = new Outbox(file, { alive: processAlive });
  let seen = "";
  let hosts: string[] = [];
  let running: { ctx: MoorContext; watch: HostWatch | undefined } | undefined;
  const notifier = watchNotifier({
    clock: options.clock,
    env: options.env,
    readSettings: () => readSettings(options.configDir),
    report: options.log,
  });
  const courier = outboxCourier({
    outbox,
    type: (item) => (running ? typeItem(running.ctx, item) : Promise.reject(new Error("the holder is stopping"))),
    report: (problem) => options.log(`outbox: ${problem}`),
    onOutcome: (outcome) => {
      if (outcome.kind !== "sent") return options.log(`outbox: ${outcome.item.id} not typed: ${outcome.why}`);
      options.log(`outbox: typed ${outcome.item.id} into ${outcome.item.target}`);
      if (backgroundOn()) notifier.announce(deliveryChange({ ...whatWasSent(outcome), at: options.clock.now() }));
    },
  });
  const backgroundOn = (): boolean => {
    try {
      return readSettings(options.configDir)["notify.background"] === "on";
    } catch {
      return false;
    }
  };

  const watchHostsOf = (wanted: string[]): void => {
    running?.watch?.stop();
    if (wanted.length === 0) {
      running?.ctx.close();
      running = undefined;
      return;
    }
    const ctx = running?.ctx ?? options.makeContext();
    const watch = startWatch(
      ctx,
      wanted.map((host) => ({ host })),
      {
        intervalMs: options.intervalMs ?? 1_000,
        clock: options.clock,
        onChange: (snapshot) => courier.observe(snapshot),
      },
    );
    running = { ctx, watch };
    options.log(`outbox: watching ${wanted.join(", ")} to type queued prompts`);
  };

  const check = (): void => {
    const now = fileStamp(file);
    if (now === seen) return;
    seen = now;
    let wanted: string[];
    try {
      wanted = [
        ...new Set(
          outbox
            .list()
            .map(
              (item) => parseTarget(item.target, { session: "required", window: "allowed", command: "outbox" }).host,
            ),
        ),
      ].sort();
    } catch (error) {
      options.log(`outbox: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (wanted.join(",") === hosts.join(",")) return;
    hosts = wanted;
    watchHostsOf(wanted);
  };

  check();
  const stopChecks = options.clock.every(500, check);
  return {
    pending: () => hosts.length > 0,
    stop: () => {
      stopChecks();
      notifier.flush();
      watchHostsOf([]);
    },
  };
}
