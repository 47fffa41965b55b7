// The mute list (`moor mute`): pure data, apart from the store so the notifier loads without conf.

// Sessions ("HOST:SESSION") and hosts that notify nobody.
export interface MuteList {
  targets: string[];
  hosts: string[];
}

// Whether a change in this session notifies nobody (the session or its whole host is muted).
export function isMuted(mute: MuteList, host: string, session: string): boolean {
  return mute.hosts.includes(host) || mute.targets.includes(`${host}:${session}`);
}
