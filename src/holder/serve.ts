import { fileStamp } from "./fileStamp.js";
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { readSettings, settingsFile } from "../config/settings.js";
import { MoorContext } from "../core/moorContext.js";
import { systemClock } from "../clock.js";
import { backgroundNotifications } from "./backgroundNotifications.js";
import { takeHolderLock } from "./lock.js";
import { outboxDelivery } from "./outboxDelivery.js";
import { ensurePrivateDir, holderPaths, type HolderIdentity } from "./paths.js";
import type { RunCommand } from "./runRequest.js";
import { HolderServer } from "./server.js";
import { holderVersion } from "./version.js";

export interface ServeOptions extends HolderIdentity {
  env: NodeJS.ProcessEnv;
  warm: readonly string[];
  /** Runs whole commands for thin clients (the CLI's run()). */
  runCommand?: RunCommand;
}

// `moor daemon serve`: the holder process itself. Takes the lock (or leaves, when another holder has it), serves
// until unused for `persist` minutes or told to stop, and logs to its file in moor's state dir.
export async function serveHolder(options: ServeOptions): Promise<number> {
  const paths = holderPaths(options, options.env);
  const log = (line: string): void => {
    try {
      appendFileSync(paths.log, `${new Date().toISOString()} ${line}\n`, { mode: 0o600 });
    } catch {
      // a holder without a log still serves
    }
  };
  if (!ensurePrivateDir(paths.dir)) {
    log(`${paths.dir} is not a private directory of this user (0700): not serving`);
    return 0;
  }
  const release = await takeHolderLock(paths.lock, 3_000);
  if (!release) {
    log("another holder runs for this config dir: leaving");
    return 0;
  }
  const persist = persistReader(options.configDir, log);
  const makeContext = (): MoorContext =>
    new MoorContext({
      configDir: options.configDir,
      knownHostsFile: options.knownHostsFile,
      home: options.home,
      env: options.env,
      onProgress: log,
    });
  // notify.background: the holder watches every registered host and notifies with no moor watch open, and stays up.
  const background = backgroundNotifications({
    configDir: options.configDir,
    makeContext,
    clock: systemClock,
    env: options.env,
    log,
  });
  // The outbox: queued prompts are typed by the holder as soon as their sessions wait; it stays up while any wait.
  const outbox = outboxDelivery({
    configDir: options.configDir,
    makeContext,
    clock: systemClock,
    env: options.env,
    log,
  });
  let stopped = (): void => undefined;
  const done = new Promise<void>((resolve) => (stopped = resolve));
  const server = new HolderServer({
    paths,
    version: holderVersion(),
    clock: systemClock,
    persistMinutes: () =>
      background.hosts() === undefined && !outbox.pending() ? persist() : Number.POSITIVE_INFINITY,
    notifying: () => background.hosts(),
    makeContext,
    watchedFiles: [join(options.configDir, "hosts.json"), join(options.home, ".ssh", "config"), options.knownHostsFile],
    log,
    ...(options.runCommand ? { runCommand: options.runCommand } : {}),
    onStopped: () => {
      background.stop();
      outbox.stop();
      stopped();
    },
  });
  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.once(signal, () => server.stop());
  try {
    await server.listen();
    server.warm(options.warm);
    await done;
  } catch (error) {
    log(`stopped on an error: ${error instanceof Error ? error.message : String(error)}`);
    server.stop();
    return 1;
  } finally {
    release();
    log("stopped");
  }
  return 0;
}

// The persist setting, read again whenever the settings file changes (moor config set persist 30); 10 minutes when
// it cannot be read.
function persistReader(configDir: string, log: (line: string) => void): () => number {
  const file = settingsFile(configDir);
  let stamp: string | undefined;
  let minutes = 10;
  return () => {
    const now = fileStamp(file);
    if (now === stamp) return minutes;
    stamp = now;
    try {
      minutes = readSettings(configDir).persist;
    } catch (error) {
      minutes = 10;
      log(`cannot read persist: ${error instanceof Error ? error.message : String(error)}; using 10 minutes`);
    }
    return minutes;
  };
}
