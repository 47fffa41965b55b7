import type { WatchSnapshot } from "../../core/overview/watchTypes.js";
import { formatTarget } from "../../core/target.js";
import type { Reply } from "./replyLine.js";

// What the user has chosen on the live view: the selected session (by HOST:SESSION, so it survives
// sessions coming and going), whether the peek panel is open, and a one-line message.
export interface ViewState {
  selected?: string;
  peek: boolean;
  message?: string;
  /** The one-line reply being typed (`r`), until sent or cancelled. */
  reply?: Reply;
}

// How a session is named on screen and to attach: HOST:SESSION.
export const sessionKey = (host: string, session: string): string => formatTarget({ host, session });

// Every session in screen order, as HOST:SESSION.
export function sessionKeys(snapshot: WatchSnapshot): string[] {
  return snapshot.hosts.flatMap((host) => host.sessions.map((session) => sessionKey(host.host, session.name)));
}

// The selection to draw: the chosen session while it exists, else the first one.
export function effectiveSelection(snapshot: WatchSnapshot, view: ViewState): string | undefined {
  const keys = sessionKeys(snapshot);
  return view.selected !== undefined && keys.includes(view.selected) ? view.selected : keys[0];
}
