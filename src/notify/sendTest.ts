import type { ChannelName } from "./channels.js";
import { buildChannels, type ChannelSetup } from "./buildChannels.js";

export interface ChannelResult {
  name: ChannelName;
  /** How it was reached ("OSC 9", "notify-send", the command), or why it is off. */
  via: string;
  on: boolean;
  /** For a channel that is on: undefined when it worked, else what went wrong. */
  problem?: string;
}

const TEST_TEXT = {
  title: "moor: test notification",
  body: "moor notify test: notifications from moor reach you here",
};

// moor notify test: one test notification through every channel that is on, and what became of each.
export async function sendTestNotification(setup: ChannelSetup, now: number): Promise<ChannelResult[]> {
  const channels = buildChannels(setup);
  const change = {
    target: "moor:test",
    host: "moor",
    session: "test",
    state: "asking",
    previous: "working",
    agent: undefined,
    reason: "moor notify test",
    excerpt: [],
    at: now,
  };
  const sent = [
    ...channels.burst.map(async (channel) => ({
      name: channel.name,
      via: channel.via,
      on: true,
      problem: await channel.send(TEST_TEXT),
    })),
    ...channels.perChange.map(async (channel) => ({
      name: channel.name,
      via: channel.via,
      on: true,
      problem: await channel.send(change),
    })),
  ];
  const results: ChannelResult[] = [
    ...(await Promise.all(sent)),
    ...channels.absent.map((absent) => ({ name: absent.name, via: absent.why, on: false })),
  ];
  const order: ChannelName[] = ["terminal", "desktop", "command"];
  return results.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
}
