import type { HostView } from "../../core/overview/watchTypes.js";
import { durationText } from "../overview/format.js";

export type Tone = "good" | "warn" | "bad";

export interface LinkText {
  text: string;
  tone: Tone;
}

// How a host's link reads on the host's line: "up", "up, new path at 14:02:09 (old one silent 1.4s)", "quiet for 4s", "down since 14:02:11, reconnecting,
// attempt 3, next try in 2s (connection refused)". `timeOfDay` formats epoch ms (injected for tests).
export function linkText(host: HostView, now: number, timeOfDay: (ms: number) => string): LinkText {
  const state = host.link;
  const since = host.downSince === undefined ? "down" : `down since ${timeOfDay(host.downSince)}`;
  switch (state.kind) {
    case "idle":
      return { text: "not connected yet", tone: "warn" };
    case "connecting":
      if (host.downSince === undefined && state.attempt <= 1) return { text: "connecting", tone: "warn" };
      return { text: `${since}, reconnecting, attempt ${state.attempt}`, tone: "bad" };
    case "up": {
      const switched = state.switchedPath;
      if (!switched) return { text: "up", tone: "good" };
      const why =
        switched.trigger === "network"
          ? "the laptop's network changed"
          : `old one silent ${(switched.silentMs / 1000).toFixed(1)}s`;
      return { text: `up, new path at ${timeOfDay(switched.at)} (${why})`, tone: "good" };
    }
    case "quiet":
      return { text: `quiet for ${durationText((now - state.lastContact) / 1000)}`, tone: "warn" };
    case "down":
      return { text: `${since}, reconnecting (${state.reason})`, tone: "bad" };
    case "retrying": {
      const wait = durationText(Math.ceil(Math.max(0, state.nextAt - now) / 1000));
      return {
        text: `${since}, reconnecting, attempt ${state.attempt + 1}, next try in ${wait} (${state.reason})`,
        tone: "bad",
      };
    }
    case "failed":
      return { text: `failed: ${state.reason}`, tone: "bad" };
    case "closed":
      return { text: "closed", tone: "warn" };
  }
}
