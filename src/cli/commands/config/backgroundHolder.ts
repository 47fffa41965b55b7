import type { MoorContext } from "../../../core/moorContext.js";
import { holderWanted } from "../../../holder/wanted.js";
import { startHolder } from "../../../holder/clientStart.js";
import { holderPaths } from "../../../holder/paths.js";
import type { CliIo } from "../../io.js";

// After `moor config set notify.background on`: the holder does the notifying, so one is started now (a running
// holder picks the setting up by itself within seconds).
export function startNotifyingHolder(ctx: MoorContext, io: CliIo): void {
  if (!holderWanted(ctx.configDir, io.env)) {
    io.warn(
      "notify.background needs the background holder, which is off here (persist 0 or MOOR_NO_DAEMON): only moor watch will notify",
    );
    return;
  }
  const identity = { configDir: ctx.configDir, knownHostsFile: ctx.knownHostsFile, home: ctx.home };
  startHolder({
    paths: holderPaths(identity, io.env),
    globalArgs: ["--config-dir", ctx.configDir, "--known-hosts", ctx.knownHostsFile],
    warm: [],
  });
  io.info("the background holder notifies now, with no moor watch open (moor daemon status shows it)");
}
