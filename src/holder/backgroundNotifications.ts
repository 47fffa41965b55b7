import { fileStamp } from "./fileStamp.js";
import { join } from "node:path";
import { readSettings, settingsFile } from "../config/settings.js";
import type { MoorContext } from "../core/moorContext.js";
import { startWatch } from "../core/overview/startWatch.js";
import { freshHosts } from "../core/overview/freshHosts.js";
import { watchedQuestion } from "../core/overview/watchedQuestion.js";
import type { HostWatch } from "../core/overview/watchHosts.js";
import type { Clock } from "../clock.js";
import { watchNotifier } from "../notify/watchNotifier.js";

export interface BackgroundOptions {
  configDir: string;
  /** A fresh context (the registry as it is now), closed when the watch stops. */
  makeContext: () => MoorContext;
  clock: Clock;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  intervalMs?: number;
}

// What the holder says about it (moor daemon status): the hosts it watches to notify, or none when off.
export interface BackgroundNotifications {
  /** The hosts watched to notify; undefined while notify.background is off. */
  hosts(): string[] | undefined;
  stop(): void;
}

// notify.background in the holder: while it is on, every registered host is watched as moor watch does and its
// changes notify (desktop and notify.command; there is no terminal). Settings and the registry are checked every
// few seconds, so `moor config set notify.background on|off` and `moor host add` take effect without a restart.
export function backgroundNotifications(options: BackgroundOptions): BackgroundNotifications {
  const files = [settingsFile(options.configDir), join(options.configDir, "hosts.json")];
  let seen = "";
  let running: { ctx: MoorContext; watch: HostWatch; hosts: string[]; flush: () => void } | undefined;

  const stopWatch = (): void => {
    if (!running) return;
    running.flush();
    running.watch.stop();
    running.ctx.close();
    running = undefined;
  };

  const check = (): void => {
    const now = files.map(fileStamp).join("|");
    if (now === seen) return;
    seen = now;
    stopWatch();
    try {
      if (readSettings(options.configDir)["notify.background"] !== "on") return;
      const ctx = options.makeContext();
      const hosts = ctx.store.list().map((host) => host.name);
      const questionText = watchedQuestion(ctx.rules);
      const notifier = watchNotifier({
        clock: options.clock,
        env: options.env,
        readSettings: () => readSettings(options.configDir),
        report: (problem) => options.log(problem),
      });
      const watch = startWatch(
        ctx,
        hosts.map((host) => ({ host })),
        {
          intervalMs: options.intervalMs ?? 2_000,
          clock: options.clock,
          onChange: (snapshot) => notifier.observe(freshHosts(snapshot.hosts, questionText)),
        },
      );
      running = { ctx, watch, hosts, flush: () => notifier.flush() };
      options.log(`notify.background is on: watching ${hosts.length === 0 ? "no hosts yet" : hosts.join(", ")}`);
    } catch (error) {
      options.log(`notify.background: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  check();
  const stopChecks = options.clock.every(3_000, check);
  return {
    hosts: () => running?.hosts,
    stop: () => {
      stopChecks();
      stopWatch();
    },
  };
}
