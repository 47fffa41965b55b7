import { tmuxArgv } from "./command.js";
import type { TmuxCommand } from "./command.js";
import { validateKeyName } from "./keys.js";

// Named keys (C-c, Escape, Up, Enter...), each checked first: tmux would type an unknown name as text.
export function sendKeysArgv(target: string, keys: readonly string[]): string[] {
  if (keys.length === 0) throw new TypeError("sendKeysArgv needs at least one key");
  return tmuxArgv(["send-keys", "-t", target, ...keys.map(validateKeyName)]);
}

export interface PasteOptions {
  /** Press Enter after the paste. */
  enter?: boolean;
}

// Pastes whatever the caller writes to the command's standard input: load-buffer reads it from the ssh channel,
// so the text never appears on a command line. -p wraps it in bracketed-paste markers when the app asked for
// them; -r keeps "\n" as is (tmux would turn it into "\r"), so a raw-mode app gets the bytes unchanged; -d deletes
// the buffer. Empty input creates no buffer and paste-buffer then fails ("no buffer NAME"): send Enter alone instead.
export function pasteArgv(target: string, bufferName: string, options: PasteOptions = {}): string[] {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(bufferName))
    throw new TypeError(`invalid paste buffer name ${JSON.stringify(bufferName)}`);
  const commands: TmuxCommand[] = [
    ["load-buffer", "-b", bufferName, "-"],
    ["paste-buffer", "-p", "-r", "-d", "-b", bufferName, "-t", target],
  ];
  if (options.enter === true) commands.push(["send-keys", "-t", target, "Enter"]);
  return tmuxArgv(...commands);
}

// A buffer already loaded (sendOrLookArgv) pasted, then deleted; or only deleted, when nothing is to be typed.
export function pasteLoadedArgv(target: string, bufferName: string, keys: readonly string[] = []): string[] {
  const paste = ["paste-buffer", "-p", "-r", "-d", "-b", bufferName, "-t", target];
  return keys.length === 0
    ? tmuxArgv(paste)
    : tmuxArgv(paste, ["send-keys", "-t", target, ...keys.map(validateKeyName)]);
}

export const deleteBufferArgv = (bufferName: string): string[] => tmuxArgv(["delete-buffer", "-b", bufferName]);
