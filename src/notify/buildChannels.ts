import type { Settings } from "../config/settings.js";
import type { BurstChannel, ChangeChannel, Channels } from "./channels.js";
import { commandPayload } from "./commandPayload.js";
import { DESKTOP_NOTIFIERS, notifierArgv, type DesktopNotifier } from "./notifierArgv.js";
import { findOnPath, type RunProgram } from "./runProgram.js";
import { terminalProtocol, terminalSequence } from "./terminalSequence.js";

/** How long a notifier or notify.command may run before it is stopped and reported. */
const PROGRAM_TIMEOUT_MS = 10_000;

export interface ChannelSetup {
  settings: Settings;
  env: NodeJS.ProcessEnv;
  runProgram: RunProgram;
  /** The terminal moor watch draws on; absent in the background holder. */
  terminal?: { isTTY: boolean; write: (bytes: string) => void };
  /** Whether tmux passes escape sequences through to the outer terminal (allow-passthrough), when in tmux. */
  tmuxPassthrough?: boolean;
}

const PROTOCOL_NAMES = { osc9: "OSC 9", osc777: "OSC 777", osc99: "OSC 99", bell: "the bell" } as const;

function terminalChannel(setup: ChannelSetup): BurstChannel | string {
  const mode = setup.settings["notify.terminal"];
  if (mode === "off") return "off";
  const terminal = setup.terminal;
  if (terminal === undefined) return "no terminal here";
  if (mode === "auto" && !terminal.isTTY) return "not a terminal (notify.terminal is auto)";
  const inTmux = setup.env.TMUX !== undefined && setup.env.TMUX !== "";
  // tmux 3.3 and later drop wrapped sequences unless allow-passthrough is on: then the bell is what gets through.
  const protocol = inTmux && setup.tmuxPassthrough === false ? "bell" : terminalProtocol(setup.env);
  const via = `${PROTOCOL_NAMES[protocol]}${inTmux && protocol !== "bell" ? " through tmux" : ""}`;
  return {
    name: "terminal",
    via,
    send: (text) => {
      terminal.write(terminalSequence(protocol, text, { tmux: inTmux }));
      return Promise.resolve(undefined);
    },
  };
}

function desktopChannel(setup: ChannelSetup): BurstChannel | string {
  const mode = setup.settings["notify.desktop"];
  if (mode === "off") return "off";
  const notifier = findOnPath(DESKTOP_NOTIFIERS, setup.env) as DesktopNotifier | undefined;
  if (notifier === undefined) return `no notifier found on PATH (looked for ${DESKTOP_NOTIFIERS.join(", ")})`;
  return {
    name: "desktop",
    via: notifier,
    send: (text) =>
      setup.runProgram({ argv: notifierArgv(notifier, text), env: setup.env, timeoutMs: PROGRAM_TIMEOUT_MS }),
  };
}

function commandChannel(setup: ChannelSetup): ChangeChannel | string {
  const command = setup.settings["notify.command"];
  if (command === undefined) return "not set";
  const shell = process.platform === "win32" ? ["cmd.exe", "/d", "/s", "/c", command] : ["/bin/sh", "-c", command];
  return {
    name: "command",
    via: command,
    send: (change) => {
      const payload = commandPayload(change);
      return setup.runProgram({
        argv: shell,
        env: { ...setup.env, ...payload.env },
        stdin: `${payload.json}\n`,
        timeoutMs: PROGRAM_TIMEOUT_MS,
        label: "notify.command",
      });
    },
  };
}

// The channels that are on, from the settings and what this machine has (looked up now, never required).
export function buildChannels(setup: ChannelSetup): Channels {
  const channels: Channels = { burst: [], perChange: [], absent: [] };
  const terminal = terminalChannel(setup);
  const desktop = desktopChannel(setup);
  const command = commandChannel(setup);
  for (const [name, made] of [
    ["terminal", terminal],
    ["desktop", desktop],
  ] as const) {
    if (typeof made === "string") channels.absent.push({ name, why: made });
    else channels.burst.push(made);
  }
  if (typeof command === "string") channels.absent.push({ name: "command", why: command });
  else channels.perChange.push(command);
  return channels;
}
