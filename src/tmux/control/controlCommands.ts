import type { TmuxCommand } from "../command.js";
import { TMUX_PREFIX } from "../command.js";
import { paneTarget, sessionTarget } from "../target.js";

// tmux -C attached to a helper session of its own, made for it (see helperSession.ts). Its one pane runs cat, which
// prints nothing. destroy-unattached: when the client leaves (watch ends, its channel closes, the link drops and sshd
// closes the client's stdin), tmux destroys the helper. attach -f (tmux >= 3.2): ignore-size so no window is sized
// for it, no-output so no pane's output is sent. Not read-only: tmux 3.8 takes the most recent client as the target
// client of a command run outside tmux, and a read-only one made the user's own "tmux send-keys -t SESSION" fail with
// "client is read-only". The user's sessions stay unattached.
export function controlClientArgv(helper: string): string[] {
  return [
    ...TMUX_PREFIX,
    "-C",
    ...["new-session", "-d", "-s", helper, "cat", ";"],
    ...["set-option", "-t", paneTarget(helper), "destroy-unattached", "on", ";"],
    ...["attach-session", "-t", sessionTarget(helper), "-f", "ignore-size,no-output"],
  ];
}

// A tmux command as one control-mode line: every argument single-quoted (a quote inside as '\''), so tmux's parser
// takes it verbatim: no ";", "#", "$", "~" or "{" is special inside. A line is one command, so its reply is exactly
// one %begin block (a ";" chain stops at its first failure and the later commands send no block at all).
export function controlLine(command: TmuxCommand): string {
  if (command.length === 0) throw new TypeError("a control-mode command cannot be empty");
  return command
    .map((arg) => {
      if (/[\n\r]/.test(arg))
        throw new TypeError(`a control-mode argument cannot hold a line break: ${JSON.stringify(arg)}`);
      return `'${arg.replaceAll("'", String.raw`'\''`)}'`;
    })
    .join(" ");
}

// The commands of an argv made by tmuxArgv ("tmux", its flags, then commands joined by a standalone ";"), each as
// it was before tmuxArgv escaped a final ";" for the shell: how the watch's tmux calls run over a control client.
export function commandsOfArgv(argv: readonly string[]): TmuxCommand[] {
  let index = argv[0] === "tmux" ? 1 : 0;
  while (index < argv.length && argv[index]?.startsWith("-") === true) index++;
  const commands: string[][] = [[]];
  for (const arg of argv.slice(index)) {
    if (arg === ";") commands.push([]);
    else commands.at(-1)?.push(arg.endsWith("\\;") ? `${arg.slice(0, -2)};` : arg);
  }
  return commands.filter((command) => command.length > 0);
}

/** The name of moor's subscription (refresh-client -B NAME:...). */
const SUBSCRIPTION_NAME = "moor";

// What wakes the engine: every session's panes (the S/W/P loops reach sessions the client is not attached to),
// each with what the state engine reads changing (activity, title, death). tmux sends the value at most once a
// second, and only when it changed (tmux.1, refresh-client -B), so a quiet host sends nothing.
export const CHANGE_FORMAT =
  "#{S:#{session_name}:#{W:#{P:#{pane_id} #{window_activity} #{pane_dead} #{pane_title};}}|}";

// A session-scoped subscription ("NAME::FORMAT", empty target) to the format above.
export function subscribeCommand(format: string = CHANGE_FORMAT, name: string = SUBSCRIPTION_NAME): TmuxCommand {
  return ["refresh-client", "-B", `${name}::${format}`];
}

export function unsubscribeCommand(name: string = SUBSCRIPTION_NAME): TmuxCommand {
  return ["refresh-client", "-B", name];
}

// Flow control (tmux >= 3.2): a pane whose output is this many seconds behind is paused (%pause) instead of
// flooding the link, and output arrives as %extended-output with its age.
export function pauseAfterCommand(seconds: number): TmuxCommand {
  if (!Number.isInteger(seconds) || seconds < 1)
    throw new TypeError(`pause-after needs whole seconds >= 1: got ${String(seconds)}`);
  return ["refresh-client", "-f", `pause-after=${String(seconds)}`];
}

// Resumes a paused pane's output (refresh-client -A %ID:continue).
export function continuePaneCommand(paneId: string): TmuxCommand {
  if (!/^%\d+$/.test(paneId)) throw new TypeError(`invalid pane id ${JSON.stringify(paneId)}`);
  return ["refresh-client", "-A", `${paneId}:continue`];
}
