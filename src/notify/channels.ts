import type { NotificationText } from "./message.js";
import type { ProgramOutcome } from "./runProgram.js";
import type { StateChange } from "./stateChange.js";

export type ChannelName = "terminal" | "desktop" | "command";

// A channel that shows one notification for a whole burst of changes (the terminal, the desktop).
export interface BurstChannel {
  name: ChannelName;
  /** How it is reached, for moor notify test: "OSC 9", "notify-send". */
  via: string;
  send(text: NotificationText): Promise<ProgramOutcome>;
}

// A channel told about every change on its own (notify.command).
export interface ChangeChannel {
  name: ChannelName;
  via: string;
  send(change: StateChange): Promise<ProgramOutcome>;
}

export interface Channels {
  burst: BurstChannel[];
  perChange: ChangeChannel[];
  /** Channels that are off or missing, and why ("desktop: off", "desktop: no notifier found …"). */
  absent: { name: ChannelName; why: string }[];
}
