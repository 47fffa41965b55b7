import type { Settings } from "../config/settings.js";
import { isMuted } from "../config/muteList.js";
import { buildChannels } from "./buildChannels.js";
import { notificationText } from "./message.js";
import { runProgram } from "./runProgram.js";
import type { StateChange } from "./stateChange.js";

// Notifies these changes now, through the desktop and notify.command (no terminal), and waits for the channels:
// for a one-shot command (moor outbox flush) that ends right after. Returns each channel's failure, if any.
export async function announceNow(
  settings: Settings,
  env: NodeJS.ProcessEnv,
  changes: StateChange[],
): Promise<string[]> {
  const wanted = changes.filter((change) => !isMuted(settings.mute, change.host, change.session));
  if (wanted.length === 0) return [];
  const channels = buildChannels({ settings, env, runProgram });
  const outcomes = await Promise.all([
    ...wanted.flatMap((change) => channels.perChange.map((channel) => channel.send(change))),
    ...channels.burst.map((channel) => channel.send(notificationText(wanted))),
  ]);
  return outcomes.filter((outcome) => outcome !== undefined);
}
