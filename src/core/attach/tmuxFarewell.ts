import { stripEscapes } from "../../text/escapes.js";

// What the tmux client said as it exited, read from the end of its output: "[detached (from session s1)]",
// "[exited]", "[server exited]", or a refusal such as "open terminal failed: missing or unsuitable terminal".
export type Farewell = "detached" | "exited" | "unsupported-terminal" | "other";

export function lastLine(tail: string): string {
  const lines = stripEscapes(tail)
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  return lines.at(-1) ?? "";
}

export function tmuxFarewell(tail: string): Farewell {
  const line = lastLine(tail);
  if (/^\[detached\b.*\]$/.test(line)) return "detached";
  if (/^\[(exited|server exited)\]$/.test(line)) return "exited";
  if (/open terminal failed|unsuitable terminal/.test(line)) return "unsupported-terminal";
  return "other";
}
