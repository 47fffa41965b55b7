import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { quoteArg, quoteArgv } from "../../../src/ssh/shellQuote.js";

// Runs the quoted argv through real shells and checks each argument comes back byte for byte.
function roundTrip(shell: string, argv: string[]): string[] {
  const script =
    shell === "fish"
      ? `for a in ${quoteArgv(argv)}; printf '%s\\0' "$a"; end`
      : `for a in ${quoteArgv(argv)}; do printf '%s\\0' "$a"; done`;
  const out = execFileSync(shell, ["-c", script], { encoding: "utf8" });
  return out.split("\0").slice(0, -1);
}

function randomArg(random: () => number): string {
  const alphabet = [
    "'",
    '"',
    "\\",
    "$",
    "`",
    "(",
    ")",
    ";",
    "|",
    "&",
    "<",
    ">",
    " ",
    "\t",
    "\n",
    "*",
    "?",
    "[",
    "]",
    "{",
    "}",
    "~",
    "#",
    "!",
    "%",
    "=",
    "-",
    "a",
    "Z",
    "0",
    "é",
    "日",
    "🙂",
    "\r",
    "\x1b",
    "\x7f",
  ];
  const length = Math.floor(random() * 12);
  let text = "";
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)] ?? "";
  return text;
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe("quoteArg", () => {
  it("leaves plain words alone and quotes everything else", () => {
    expect(quoteArg("tmux")).toBe("tmux");
    expect(quoteArg("a=b")).toBe("a=b");
    expect(quoteArg("100%")).toBe("100%");
    expect(quoteArg("")).toBe("''");
    expect(quoteArg("a b")).toBe("'a b'");
    expect(quoteArg("it's")).toBe(`'it'\\''s'`);
    expect(quoteArg("$(rm -rf ~)")).toBe("'$(rm -rf ~)'");
  });

  it("quotes a word starting with what a shell expands there: =cmd (zsh), ~ (all), %self (fish)", () => {
    expect(quoteArg("=agent:")).toBe("'=agent:'");
    expect(quoteArg("~")).toBe("'~'");
    expect(quoteArg("~/x")).toBe("'~/x'");
    expect(quoteArg("%self")).toBe("'%self'");
  });

  it("writes quotes and backslashes outside the single quotes, where fish reads them as sh does", () => {
    expect(quoteArg("a\\b")).toBe(`'a'\\\\'b'`);
    expect(quoteArg("\\'")).toBe(`''\\\\''\\'''`);
  });

  it("refuses a NUL byte, which no shell argument can hold", () => {
    expect(() => quoteArg("a\0b")).toThrow(/NUL/);
  });

  it("refuses an empty argv", () => {
    expect(() => quoteArgv([])).toThrow(/empty/);
  });
});

describe("quoteArgv fuzzed through real shells", () => {
  const shells = ["sh", "bash", "dash", "zsh", "fish"].filter((shell) => {
    try {
      execFileSync(shell, ["-c", "true"]);
      return true;
    } catch {
      return false;
    }
  });

  it.each(shells)("round-trips 300 random argvs through %s byte for byte", { tags: ["slow"] }, (shell) => {
    const random = seeded(0x6d6f6f72);
    for (let round = 0; round < 300; round++) {
      const argv = Array.from({ length: 1 + Math.floor(random() * 4) }, () => randomArg(random));
      expect(roundTrip(shell, argv)).toEqual(argv);
    }
  });

  it.each(shells)("round-trips the nastiest known inputs through %s", (shell) => {
    const argv = [
      "'",
      "''",
      `'"'"'`,
      "\\'",
      "$HOME",
      "`id`",
      "$(id)",
      "a\nb",
      "-n",
      "--",
      "*",
      "~",
      "!!",
      "\\",
      "日本語 🙂",
      "=ls",
      "=agent:",
      "~/x",
      "%self",
      "a\\'b",
      "\\\\",
      "'\\",
      "x\r\n",
      "{a,b}",
      "$fish_pid",
    ];
    expect(roundTrip(shell, argv)).toEqual(argv);
  });
});
