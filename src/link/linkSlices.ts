import type { PtyOptions, RemoteChannel } from "../ssh/types.js";
import type { LinkState } from "./linkState.js";
import type { RemoteExec } from "./remoteExec.js";

// The slices of a HostLink that use cases take, each named once here, so a unit test's fake (or the holder) can
// stand in for exactly the part a use case needs. HostLink has them all.

/** A link's state changes. */
interface LinkEvents {
  on(event: "state", listener: (state: LinkState) => void): unknown;
  off(event: "state", listener: (state: LinkState) => void): unknown;
}

/** Its name and state changes: what unreachableSignal watches to fail a host that was never reached. */
export interface ContactLink {
  readonly label: string;
  readonly events: LinkEvents;
}

/** Its state now and its changes, and "try again now": what the live view shows and the user can poke. */
export interface WatchedLink {
  readonly state: LinkState;
  readonly events: LinkEvents;
  retryNow(): void;
}

/** Long-running channels (a tail, a tmux client). */
export interface ChannelLink {
  readonly label: string;
  open(argv: readonly string[], options?: { pty?: PtyOptions }): Promise<RemoteChannel>;
}

/** What following a log needs: one-shot commands and a tail channel. */
export type FollowLink = RemoteExec & ChannelLink;

/** What the attach loop needs: the link's state for its banner, and the tmux client's channel. */
export type AttachLink = ChannelLink & { readonly state: LinkState; readonly events: LinkEvents };
