import type { Settings } from "../config/settings.js";
import type { Clock } from "../clock.js";
import { buildChannels, type ChannelSetup } from "./buildChannels.js";
import { Notifier } from "./notifier.js";
import { runProgram } from "./runProgram.js";
import type { ObservedSession, StateChange } from "./stateChange.js";

export interface WatchNotifierOptions {
  clock: Clock;
  env: NodeJS.ProcessEnv;
  /** Read at each change (mute and settings made meanwhile count); throws when the file is broken. */
  readSettings: () => Settings;
  terminal?: ChannelSetup["terminal"];
  tmuxPassthrough?: boolean | undefined;
  /** The background holder tells the desktop and notify.command already: this watch only rings its terminal. */
  terminalOnly?: boolean;
  report: (problem: string) => void;
}

// The notifier moor watch (and the holder) feeds with each snapshot: channels from the settings as they are now.
export function watchNotifier(options: WatchNotifierOptions): {
  /** Each host whose sessions are current (core/overview/freshHosts.ts makes them from a watch snapshot). */
  observe(hosts: readonly { host: string; sessions: ObservedSession[] }[]): void;
  /** A queued prompt was typed: one notification (state "sent"), unless the session or host is muted. */
  announce(change: StateChange): void;
  flush(): void;
} {
  let settings = options.readSettings();
  const channels = buildChannels({
    settings: options.terminalOnly ? { ...settings, "notify.desktop": "off", "notify.command": undefined } : settings,
    env: options.env,
    runProgram,
    ...(options.terminal ? { terminal: options.terminal } : {}),
    ...(options.tmuxPassthrough === undefined ? {} : { tmuxPassthrough: options.tmuxPassthrough }),
  });
  const rule = (): { states: readonly string[]; mute: Settings["mute"] } => {
    try {
      settings = options.readSettings();
    } catch {
      // A file broken meanwhile: keep the settings moor started with (the next moor command reports the file).
    }
    return { states: settings["notify.states"], mute: settings.mute };
  };
  const notifier = new Notifier({ clock: options.clock, rule, channels, report: options.report });
  return {
    observe: (hosts) => {
      for (const { host, sessions } of hosts) notifier.observe(host, sessions);
    },
    announce: (change) => notifier.announce(change),
    flush: () => notifier.flush(),
  };
}
