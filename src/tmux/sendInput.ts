import { TMUX_PREFIX, tmuxArgv } from "./command.js";
import { pasteArgv, sendKeysArgv } from "./send.js";

export interface SendInputOptions {
  /** Paste the command's standard input through this buffer; absent when there is no text. */
  bufferName?: string;
  /** Press Enter after the text (or alone, when there is no text). */
  enter?: boolean;
  /** Named keys pressed last. */
  keys?: readonly string[];
}

// The commands of a one-invocation argv, without its leading "tmux" (their arguments are already escaped).
const commandsOf = (argv: readonly string[]): string[] => argv.slice(TMUX_PREFIX.length);

// Everything `moor send` does, as ONE tmux invocation. It starts with a bare send-keys that only resolves the
// target: tmux stops a command sequence at its first error, so a missing session fails before load-buffer could
// leave a buffer behind (verified on 3.3a). Then the paste (and Enter), then the keys.
export function sendInputArgv(target: string, options: SendInputOptions = {}): string[] {
  const { bufferName, enter = false, keys = [] } = options;
  const parts: string[][] = [commandsOf(tmuxArgv(["send-keys", "-t", target]))];
  if (bufferName !== undefined) parts.push(commandsOf(pasteArgv(target, bufferName, { enter })));
  else if (enter) parts.push(commandsOf(sendKeysArgv(target, ["Enter"])));
  if (keys.length > 0) parts.push(commandsOf(sendKeysArgv(target, keys)));
  return [...TMUX_PREFIX, ...parts.flatMap((part, index) => (index === 0 ? part : [";", ...part]))];
}
