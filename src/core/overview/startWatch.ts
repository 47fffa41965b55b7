import { systemClock, type Clock } from "../../clock.js";
import type { MoorContext } from "../moorContext.js";
import type { Target } from "../target.js";
import { RemoteTmux } from "../remoteTmux.js";
import { controlChanges } from "./hostChanges.js";
import { uniqueHosts } from "./hostNames.js";
import { WATCH_LINK } from "./overviewLinks.js";
import { watchForWake, type WakeReason } from "./wakeWatch.js";
import { watchHosts, type HostWatch, type WatchSource } from "./watchHosts.js";
import type { WatchSnapshot } from "./watchTypes.js";

export interface StartWatchOptions {
  intervalMs: number;
  clock?: Clock;
  onChange: (snapshot: WatchSnapshot) => void;
  onWake?: (reason: WakeReason) => void;
}

// A host named alone means all its sessions; HOST:SESSION targets narrow it to those sessions.
function sessionsFor(targets: readonly Target[], host: string): string[] | undefined {
  const mine = targets.filter((target) => target.host === host);
  if (mine.some((target) => target.session === undefined)) return undefined;
  return mine.map((target) => target.session ?? "");
}

// moor watch's use case: one reconnecting link per host, each with a tmux control client that tells watchHosts
// of changes (tmux >= 3.2; a poll on 3.1), retried at once on wake.
export function startWatch(ctx: MoorContext, targets: readonly Target[], options: StartWatchOptions): HostWatch {
  const clock = options.clock ?? systemClock;
  const sources: WatchSource[] = uniqueHosts(targets).map((host) => {
    const link = ctx.link(host, WATCH_LINK);
    const tmux = new RemoteTmux(link);
    const only = sessionsFor(targets, host);
    const run = (argv: readonly string[]): Promise<string> => tmux.run(argv, { noServerIsEmpty: true });
    // A fresh RemoteTmux for each start of the control client: one that failed to connect remembers no version.
    const version = () => new RemoteTmux(link).version();
    // Control mode is opt-in (MOOR_WATCH_CONTROL=1): on the 3.3a test boxes, a control client leaving while another
    // one was starting took the whole tmux server down (every user session) until that is understood, the poll stays.
    if (ctx.env.MOOR_WATCH_CONTROL !== "1") return { host, link, run, ...(only ? { only } : {}) };
    const changes = controlChanges({ link, version, run, clock, intervalMs: options.intervalMs });
    return { host, link, run, changes, ...(only ? { only } : {}) };
  });
  const watch = watchHosts(sources, {
    clock,
    intervalMs: options.intervalMs,
    onChange: options.onChange,
    rules: ctx.rules,
    idleAfterSeconds: ctx.idleSeconds,
  });
  // os.networkInterfaces() is one getifaddrs call: looking every second lets a roam start a new path at once.
  const stopWake = watchForWake({
    clock,
    everyMs: 1_000,
    lateMs: 5_000,
    onWake: (reason) => {
      options.onWake?.(reason);
      watch.retryNow();
    },
  });
  return {
    snapshot: () => watch.snapshot(),
    retryNow: () => watch.retryNow(),
    stop: () => {
      stopWake();
      watch.stop();
    },
  };
}
