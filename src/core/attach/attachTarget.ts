import { FOREVER_RETRY, ONE_SHOT_RETRY } from "../../link/linkState.js";
import { attachArgv } from "../../tmux/attach.js";
import type { MoorContext } from "../moorContext.js";
import type { SessionTarget } from "../target.js";
import { RemoteTmux } from "../remoteTmux.js";
import { attachSession } from "./attachSession.js";
import { checkTarget } from "./checkTarget.js";
import type { AttachOutcome, AttachTerminal } from "./ports.js";
import { formatTarget } from "../target.js";

export interface AttachOptions {
  readOnly: boolean;
  steal: boolean;
  reconnect: boolean;
  terminal: AttachTerminal;
  signal?: AbortSignal;
}

// moor attach: check the target, then stay attached through drops until tmux detaches or the session ends.
export async function attachTarget(
  ctx: MoorContext,
  target: SessionTarget,
  options: AttachOptions,
): Promise<AttachOutcome> {
  const label = formatTarget(target);
  const link = ctx.link(target.host, {
    reconnect: options.reconnect,
    retry: options.reconnect ? FOREVER_RETRY : ONE_SHOT_RETRY,
  });
  if (!(await checkTarget(link, target, label, options.signal))) return { kind: "interrupted" };
  // attach holds its own link through drops; its tmux checks run on that link.
  const tmux = new RemoteTmux(link);
  return await attachSession({
    link,
    terminal: options.terminal,
    argv: attachArgv(target.session, target.window, { readOnly: options.readOnly, steal: options.steal }),
    target: label,
    reconnect: options.reconnect,
    targetExists: () => tmux.canAttach(target.session, target.window),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
