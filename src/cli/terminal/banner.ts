import type { OutageNotice } from "../../core/attach/ports.js";

const SAVE_CURSOR = "\x1b7";
const RESTORE_CURSOR = "\x1b8";
const CLEAR_LINE = "\x1b[2K";
const REVERSE = "\x1b[7m";
const NORMAL = "\x1b[0m";

// The words of the outage banner, e.g. "moor: link to gpu1 quiet for 3s — reconnecting…".
export function bannerText(notice: OutageNotice): string {
  const how = notice.down ? "down" : "quiet";
  return `moor: link to ${notice.host} ${how} for ${notice.silentSeconds}s${notice.reconnecting ? " — reconnecting…" : ""}`;
}

// Writes one reverse-video line on the last row and puts the cursor (and its attributes) back exactly
// where tmux left it (ESC 7 / ESC 8), so the screen under it is untouched. Kept short of the last column:
// a character there would leave the terminal waiting to wrap.
export function bannerSequence(text: string, rows: number, cols: number): string {
  const width = Math.max(cols - 1, 1);
  const shown = [...text].slice(0, width).join("");
  const padded = shown + " ".repeat(Math.max(width - [...shown].length, 0));
  return `${SAVE_CURSOR}\x1b[${rows};1H${CLEAR_LINE}${REVERSE}${padded}${NORMAL}${RESTORE_CURSOR}`;
}

// Blanks the banner's row; tmux repaints it on its next redraw.
export function clearBannerSequence(rows: number): string {
  return `${SAVE_CURSOR}\x1b[${rows};1H${CLEAR_LINE}${RESTORE_CURSOR}`;
}
