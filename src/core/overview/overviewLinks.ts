import { FOREVER_RETRY } from "../../link/linkState.js";
import type { LinkOptions } from "../moorContext.js";

// ls is a snapshot: one attempt, so a refused host costs ~0.1 s and a silent one at most the 4 s handshake timeout.
export const LS_LINK: LinkOptions = {
  reconnect: false,
  retry: { retries: 0, minDelayMs: 250, maxDelayMs: 500, factor: 2 },
  readyTimeoutMs: 4_000,
};

// watch keeps trying forever, at most 1 s apart, and gives up on a handshake after 3 s: an attempt begun while
// the link was dead hears nothing even once the link is back, so these two bound how soon a host is live again.
export const WATCH_LINK: LinkOptions = {
  reconnect: true,
  retry: { ...FOREVER_RETRY, maxDelayMs: 1_000 },
  readyTimeoutMs: 3_000,
};
