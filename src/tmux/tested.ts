import type { TmuxVersion } from "./version.js";

// The tmux releases moor's CI runs against, oldest first, as `tmux -V` prints them: the full suite on 3.3a and the
// compatibility suite (test/compat/) on the others, each from a Debian suite's package (test/support/tmuxReleases.ts).
export const TESTED_TMUX = ["3.1c", "3.3a", "3.5a", "3.8"] as const;

export type TestedTmux = (typeof TESTED_TMUX)[number];

/**
 * Whether moor's CI ran against exactly this release: a parsed version, or `tmux -V` output as printed ("tmux 3.5a").
 * A build like "next-3.9" or "master" never counts.
 */
export function isTestedTmux(version: Pick<TmuxVersion, "text"> | string): boolean {
  const text = typeof version === "string" ? version.trim().replace(/^tmux\s+/, "") : version.text;
  return (TESTED_TMUX as readonly string[]).includes(text);
}
