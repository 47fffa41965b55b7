import type { PaneStatus } from "../../tmux/status.js";

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

// A pane's status in a word or two: running, idle 12m, exited 1, exited (signal 15), shell.
export function statusText(status: PaneStatus): string {
  switch (status.state) {
    case "running":
    case "shell":
      return status.state;
    case "idle":
      return `idle ${durationText(status.idleSeconds)}`;
    case "exited":
      if (status.code !== undefined) return `exited ${status.code}`;
      return status.signal === undefined ? "exited" : `exited (signal ${status.signal})`;
  }
}
