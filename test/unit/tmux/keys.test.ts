import { describe, it, expect } from "vitest";
import { validateKeyName } from "../../../src/tmux/keys.js";

describe("validateKeyName", () => {
  // Each of these sent a key (not its name as text) on tmux 3.3a.
  it.each([
    "Enter",
    "Escape",
    "C-c",
    "c-a",
    "M-x",
    "m-x",
    "C-M-x",
    "^a",
    "Up",
    "up",
    "enter",
    "S-Up",
    "C-Left",
    "M-Up",
    "F1",
    "F12",
    "S-F1",
    "C-F5",
    "BTab",
    "Tab",
    "Space",
    "BSpace",
    "M-BSpace",
    "Home",
    "End",
    "PageUp",
    "PgDn",
    "NPage",
    "IC",
    "DC",
    "KP0",
    "KPEnter",
    "KP/",
    "C-Space",
    "C-[",
    "C-/",
    "a",
    "Z",
    "1",
    "/",
    ";",
    "M-;",
    "#",
    "é",
  ])("accepts %j", (key) => {
    expect(validateKeyName(key)).toBe(key);
  });

  // Each of these was typed as literal text by tmux 3.3a (or is no key at all).
  it.each([
    "NotAKey",
    "Escape!",
    "F13",
    "F0",
    "S-Tab",
    "S-Enter",
    "S-a",
    "S-Space",
    "Any",
    "None",
    "C-C-c",
    "ab",
    "",
    " ",
    "\n",
    "C-",
    "hello world",
  ])("refuses %j with exit 2", (key) => {
    expect(() => validateKeyName(key)).toThrow(expect.objectContaining({ exitCode: 2 }));
  });

  it("names the key and the way to send text", () => {
    expect(() => validateKeyName("Ctrl-C")).toThrow('unknown key "Ctrl-C"');
  });
});
