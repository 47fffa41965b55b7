import { isMuted, type MuteList } from "../config/muteList.js";
import type { StateChange } from "./stateChange.js";

export interface NotifyRule {
  states: readonly string[];
  mute: MuteList;
}

// Whether a change notifies: into one of notify.states (waiting only after working), and not muted.
export function wantsNotification(change: StateChange, rule: NotifyRule): boolean {
  if (change.state === change.previous || !rule.states.includes(change.state)) return false;
  if (change.state === "waiting" && change.previous !== "working") return false;
  return !isMuted(rule.mute, change.host, change.session);
}
