// What a tmux control-mode client (tmux -C) reads from the server, one value per reply block or notification line.
// Names and fields follow tmux.1's CONTROL MODE section; ids keep their sigils ("$1", "@2", "%3").

/** A command's reply: the lines between %begin and %end (ok) or %error (failed), with the guard's fields. */
export interface ControlReply {
  kind: "reply";
  /** The server's time (seconds) and command number from the guard lines; flags is 1 for a line the client sent,
   *  0 for the commands on tmux's own command line. */
  time: number;
  number: number;
  flags: number;
  ok: boolean;
  lines: string[];
}

/** %output %ID DATA, or %extended-output %ID AGE ... : DATA once pause-after is set: the bytes a pane printed. */
interface ControlOutput {
  kind: "output";
  paneId: string;
  data: Buffer;
  /** Only from %extended-output: how long (ms) the output waited in tmux's queue. */
  ageMs?: number;
}

/** %subscription-changed NAME $S @W IDX %P ... : VALUE ("-" for a field that does not apply). */
interface ControlSubscription {
  kind: "subscription-changed";
  name: string;
  sessionId: string;
  windowId: string;
  windowIndex: string;
  paneId: string;
  value: string;
}

export type ControlNotice =
  | { kind: "sessions-changed" }
  | { kind: "session-changed"; sessionId: string; name: string }
  | { kind: "window-add" | "window-close" | "unlinked-window-add" | "unlinked-window-close"; windowId: string }
  | { kind: "pause" | "continue"; paneId: string }
  /** The client is leaving; reason is absent when tmux gives none (stdin closed, detached). */
  | { kind: "exit"; reason?: string }
  /** Any other notification (%layout-change, %window-renamed, %message, ...), its name and the rest of the line. */
  | { kind: "other"; name: string; rest: string };

export type ControlEvent = ControlReply | ControlOutput | ControlSubscription | ControlNotice;
