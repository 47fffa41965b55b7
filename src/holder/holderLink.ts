import type { LinkOptions } from "../core/moorContext.js";
import { FOREVER_RETRY } from "../link/linkState.js";

// The holder's links ride out drops as the live view's do: they reconnect at once, forever, at most 1 s apart,
// with staggered attempts, so a command waiting on one finishes about a second after the network is back.
export const HOLDER_LINK: LinkOptions = {
  reconnect: true,
  retry: { ...FOREVER_RETRY, maxDelayMs: 1_000 },
  readyTimeoutMs: 3_000,
};
