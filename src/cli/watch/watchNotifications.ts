import type { MoorContext } from "../../core/moorContext.js";
import { holderWanted } from "../../holder/wanted.js";
import { lockOwner } from "../../holder/clientStart.js";
import { holderPaths } from "../../holder/paths.js";
import { systemClock } from "../../clock.js";
import { tmuxPassthrough } from "../../notify/tmuxPassthrough.js";
import { watchNotifier } from "../../notify/watchNotifier.js";
import type { CliIo } from "../io.js";

export type WatchNotifications = ReturnType<typeof watchNotifier>;

// moor watch's notifier: the terminal channel writes where the person looks (the view's screen, or stderr beside
// a JSON stream); a failing channel is shown once through `notice`, which the caller points at the view.
export async function watchNotifications(
  ctx: MoorContext,
  io: CliIo,
  fullScreen: boolean,
  notice: (message: string) => void,
): Promise<WatchNotifications> {
  const out = fullScreen ? io.stdout : io.stderr;
  const paths = holderPaths({ configDir: ctx.configDir, knownHostsFile: ctx.knownHostsFile, home: ctx.home }, io.env);
  const holderNotifies =
    ctx.settings.read()["notify.background"] === "on" &&
    holderWanted(ctx.configDir, io.env) &&
    lockOwner(paths.lock) !== undefined;
  return watchNotifier({
    terminalOnly: holderNotifies,
    clock: systemClock,
    env: io.env,
    readSettings: () => ctx.settings.read(),
    terminal: { isTTY: Boolean(out.isTTY), write: (bytes) => void out.write(bytes) },
    tmuxPassthrough: await tmuxPassthrough(io.env),
    report: notice,
  });
}
