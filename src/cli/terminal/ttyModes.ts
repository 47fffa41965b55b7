// Escape sequences that put the local terminal back the way a shell expects it.

/** After tmux exited normally it has already cleaned up: only make sure the cursor shows. */
export const AFTER_CLEAN_EXIT = "\x1b[?25h";

/**
 * After a tmux client vanished (drop, error, signal) nothing undid its modes: reset the scroll region and
 * attributes, leave the alternate screen, and turn off mouse reporting, bracketed paste, focus events
 * and application cursor/keypad keys.
 */
export const AFTER_LOST_CLIENT = [
  "\x1b[0m",
  "\x1b[r",
  "\x1b[?1049l",
  "\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l",
  "\x1b[?2004l",
  "\x1b[?1004l",
  "\x1b[?1l\x1b>",
  "\x1b[?25h",
].join("");
