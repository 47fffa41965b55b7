import type { SessionTarget } from "../target.js";
import type { MoorContext } from "../moorContext.js";
import { capturePaneArgv, readCapture } from "../../tmux/capture.js";
import { paneTarget } from "../../tmux/target.js";
import { formatTarget } from "../target.js";

/** "screen": what is visible; a number: that many lines of history above it too; "all": the whole history. */
export type CaptureRange = "screen" | "all" | number;

// The pane's text for `moor capture`, as tmux's capture-pane -S counts it, with the blank rows below the cursor
// dropped: "" or text ending in "\n".
export async function capturePane(ctx: MoorContext, target: SessionTarget, range: CaptureRange): Promise<string> {
  const options = range === "all" ? { all: true } : range === "screen" ? {} : { lines: range };
  const argv = capturePaneArgv(paneTarget(target.session, target.window), options);
  return readCapture(await ctx.tmux(target.host).run(argv, { target: formatTarget(target) }));
}
