import { usageError } from "../errors.js";

// tmux sends an unknown key name as literal text (send-keys NotAKey types "NotAKey"), so names are checked here.
const NAMED = [
  "Enter",
  "Escape",
  "Tab",
  "BTab",
  "Space",
  "BSpace",
  "Up",
  "Down",
  "Left",
  "Right",
  "Home",
  "End",
  "IC",
  "Insert",
  "DC",
  "Delete",
  "PageUp",
  "PgUp",
  "PPage",
  "PageDown",
  "PgDn",
  "NPage",
  ...Array.from({ length: 12 }, (_, index) => `F${index + 1}`),
  ...Array.from({ length: 10 }, (_, index) => `KP${index}`),
  "KP/",
  "KP*",
  "KP-",
  "KP+",
  "KP.",
  "KPEnter",
];
const NAMED_LOWER = new Set(NAMED.map((name) => name.toLowerCase()));
// Keys that keep a shift modifier; on 3.3a "S-Tab", "S-Enter" or "S-a" are typed as text.
const SHIFTABLE = /^(up|down|left|right|home|end|ic|insert|dc|delete|pageup|pgup|ppage|pagedown|pgdn|npage|f\d+)$/i;
const MODIFIERS = /^((?:[CMS]-)*)(.+)$/is;
const SINGLE = /^[^\p{Cc}\p{Z}]$/u;

function isKeyName(key: string): boolean {
  if (/^\^[\x21-\x7e]$/.test(key)) return true;
  const [, modifiers = "", base = ""] = MODIFIERS.exec(key) ?? [];
  const letters = modifiers.toUpperCase().replaceAll("-", "");
  if (new Set(letters).size !== letters.length) return false;
  if (letters.includes("S") && !SHIFTABLE.test(base)) return false;
  return NAMED_LOWER.has(base.toLowerCase()) || ([...base].length === 1 && SINGLE.test(base));
}

// Accepts tmux key names: Enter, Escape, C-c, M-x, ^a, S-Up, F5, a single character; refuses anything else (exit 2).
export function validateKeyName(key: string): string {
  if (isKeyName(key)) return key;
  throw usageError(
    `unknown key ${JSON.stringify(key)}: expected a tmux key name such as Enter, Escape, C-c, M-x, Up or a single character`,
    "to type text, pass it as TEXT rather than --key",
  );
}
