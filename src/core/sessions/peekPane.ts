import type { SessionTarget } from "../target.js";
import type { MoorContext } from "../moorContext.js";
import { capturePaneArgv, readCapture } from "../../tmux/capture.js";
import { paneTarget } from "../../tmux/target.js";
import { formatTarget } from "../target.js";

export const DEFAULT_PEEK_LINES = 40;

export interface PeekRequest {
  target: SessionTarget;
  lines: number;
  /** Keep colours and attributes as escape sequences. */
  ansi: boolean;
}

// The last lines of what the pane shows (history included when the screen has fewer), without attaching;
// the blank rows below the cursor are dropped. "" or text ending in "\n".
export async function peekPane(ctx: MoorContext, request: PeekRequest): Promise<string> {
  const { session, window } = request.target;
  const argv = capturePaneArgv(paneTarget(session, window), { lines: request.lines, ansi: request.ansi });
  return readCapture(
    await ctx.tmux(request.target.host).run(argv, { target: formatTarget(request.target) }),
    request.lines,
  );
}
