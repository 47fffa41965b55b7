import type { TrackedState } from "../../state/index.js";
import type { Style } from "../render/style.js";

// "45s", "3m", "2h", "4d": the largest whole unit, as ls and watch print ages.
export function durationText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3_600) return `${Math.floor(s / 60)}m`;
  if (s < 86_400) return `${Math.floor(s / 3_600)}h`;
  return `${Math.floor(s / 86_400)}d`;
}

// "5s ago": clocks of laptop and remote may differ a little, so a time in the future reads "0s ago".
export function agoText(epochSeconds: number, nowSeconds: number): string {
  return `${durationText(nowSeconds - epochSeconds)} ago`;
}

// A session's state in a word or two: asking, waiting, working, idle 12m, exited 1, exited (signal 15), shell.
export function stateText(
  state: Pick<TrackedState, "state" | "exitCode" | "exitSignal" | "since">,
  nowMs: number,
): string {
  switch (state.state) {
    case "idle":
      return `idle ${durationText((nowMs - state.since) / 1000)}`;
    case "exited":
      if (state.exitCode !== undefined) return `exited ${state.exitCode}`;
      return state.exitSignal === undefined ? "exited" : `exited (signal ${state.exitSignal})`;
    default:
      return state.state;
  }
}

// The colour of a state, the same in ls and watch: what needs the user stands out.
export function statePaint(state: Pick<TrackedState, "state" | "exitCode">, style: Style): (text: string) => string {
  switch (state.state) {
    case "asking":
      return (text) => style.bold(style.red(text));
    case "waiting":
      return (text) => style.bold(style.yellow(text));
    case "working":
      return (text) => style.green(text);
    case "exited":
      return state.exitCode === 0 ? (text) => style.dim(text) : (text) => style.red(text);
    case "idle":
      return (text) => style.yellow(text);
    case "shell":
      return (text) => style.cyan(text);
    case "gone":
      return (text) => style.bold(style.red(text));
  }
}
