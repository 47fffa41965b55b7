import { describe, expect, it } from "vitest";
import { formatTarget, parseTarget, typedHost, type Target, type TargetGrammar } from "../../../src/core/target.js";
import { ExitCode, MoorError } from "../../../src/errors.js";

// The grammars the commands use, by the column names of the table below.
const GRAMMARS = {
  session: { session: "required", window: "allowed" }, // peek, send, status, capture, attach, wait
  whole: { session: "required", window: "none" }, // new, revive, kill, note, logs
  any: { session: "optional", window: "allowed" }, // watch
  muted: { session: "optional", window: "none" }, // mute, unmute
  host: { session: "none", window: "none" }, // ls, kill --all
  hostOrWindow: { session: "none", window: "allowed" }, // no command; the combination still has one answer
} as const satisfies Record<string, TargetGrammar>;
type Column = keyof typeof GRAMMARS;

// What a target gets: parsed ("ok"), or refused with exit 2 for one of these reasons.
const REFUSED = {
  syntax: /^(invalid|missing) target/,
  name: /^invalid (session|window) name ".*": must be 1-64 characters of letters, digits, '_' and '-', not starting with '-'$/,
  needsSession: /^moor test needs a session: got only the host /,
  noSession: /^moor test takes HOST, not a session: got /,
  noWindow: /^moor test takes (HOST:SESSION|HOST or HOST:SESSION), not a window: got /,
} as const;
type Outcome = "ok" | keyof typeof REFUSED;

const all = (outcome: Outcome): Record<Column, Outcome> => ({
  session: outcome,
  whole: outcome,
  any: outcome,
  muted: outcome,
  host: outcome,
  hostOrWindow: outcome,
});
const hostAlone: Record<Column, Outcome> = { ...all("ok"), session: "needsSession", whole: "needsSession" };
const withSession: Record<Column, Outcome> = { ...all("ok"), host: "noSession", hostOrWindow: "noSession" };
const withWindow: Record<Column, Outcome> = { ...withSession, whole: "noWindow", muted: "noWindow" };
const long = "a".repeat(64);

// Every shape, under every grammar: [text, what it parses to when accepted, the outcome in each column].
const TABLE: [string, Target | undefined, Record<Column, Outcome>][] = [
  ["gpu1", { host: "gpu1" }, hostAlone],
  ["gpu1.eu-west", { host: "gpu1.eu-west" }, hostAlone],
  ["gpu1:agent", { host: "gpu1", session: "agent" }, withSession],
  ["gpu1:agent:logs", { host: "gpu1", session: "agent", window: "logs" }, withWindow],
  ["gpu1:agent:0", { host: "gpu1", session: "agent", window: "0" }, withWindow],
  [`gpu1:${long}`, { host: "gpu1", session: long }, withSession],
  ["gpu1:_lead:A-9", { host: "gpu1", session: "_lead", window: "A-9" }, withWindow],
  // The host is only split off: whether it names one is the resolver's answer (exit 5), after parsing.
  ["gpü:agent", { host: "gpü", session: "agent" }, withSession],
  ["", undefined, all("syntax")],
  [":agent", undefined, all("syntax")],
  ["gpu1:", undefined, all("syntax")],
  ["gpu1::logs", undefined, all("syntax")],
  ["gpu1:agent:", undefined, all("syntax")],
  [":", undefined, all("syntax")],
  ["gpu1:a:b:c", undefined, all("syntax")],
  ["gpu1:bad.name", undefined, all("name")],
  ["gpu1:a b", undefined, all("name")],
  ["gpu1:agent:bad.w", undefined, all("name")],
  ["gpu1:-x", undefined, all("name")],
  ["gpu1:agent:-w", undefined, all("name")],
  [`gpu1:${long}a`, undefined, all("name")],
  [`gpu1:agent:${long}a`, undefined, all("name")],
  ["gpu1:é", undefined, all("name")],
  ["gpu1:agent:日本", undefined, all("name")],
  ["gpu1:=agent", undefined, all("name")],
];

function outcomeOf(text: string, column: Column): { outcome: Outcome; target?: Target; error?: MoorError } {
  try {
    return { outcome: "ok", target: parseTarget(text, { ...GRAMMARS[column], command: "test" }) };
  } catch (error) {
    if (!(error instanceof MoorError)) throw error;
    const reason = (Object.keys(REFUSED) as (keyof typeof REFUSED)[]).find((key) => REFUSED[key].test(error.message));
    return { outcome: reason ?? "ok", error };
  }
}

describe("parseTarget", () => {
  const rows = TABLE.flatMap(([text, parsed, outcomes]) =>
    (Object.keys(GRAMMARS) as Column[]).map((column) => [text, column, outcomes[column], parsed] as const),
  );

  it.each(rows)("%j as %s: %s", (text, column, expected, parsed) => {
    const { outcome, target, error } = outcomeOf(text, column);
    expect(outcome, error?.message).toBe(expected);
    if (expected === "ok") expect(target).toEqual(parsed);
    else {
      expect(error?.exitCode).toBe(ExitCode.usage);
      expect(error?.hint).toBeTruthy();
    }
  });

  it("says which shapes the command takes", () => {
    const shapeOf = (grammar: TargetGrammar): string | undefined => messageOf("gpu1:", grammar);
    expect(shapeOf(GRAMMARS.session)).toBe('invalid target "gpu1:": expected HOST:SESSION or HOST:SESSION:WINDOW');
    expect(shapeOf(GRAMMARS.whole)).toBe('invalid target "gpu1:": expected HOST:SESSION');
    expect(shapeOf(GRAMMARS.any)).toBe('invalid target "gpu1:": expected HOST, HOST:SESSION or HOST:SESSION:WINDOW');
    expect(shapeOf(GRAMMARS.muted)).toBe('invalid target "gpu1:": expected HOST or HOST:SESSION');
    expect(shapeOf(GRAMMARS.host)).toBe('invalid target "gpu1:": expected HOST');
    expect(messageOf("", GRAMMARS.whole)).toBe("missing target: expected HOST:SESSION");
  });

  it("names the command and what to write instead, or the command's own hint", () => {
    expect(() => parseTarget("gpu1", { ...GRAMMARS.session, command: "peek" })).toThrow(
      expect.objectContaining({
        message: 'moor peek needs a session: got only the host "gpu1"',
        hint: 'write HOST:SESSION, for example "gpu1:agent"; "moor ls gpu1" lists its sessions',
      }),
    );
    expect(() => parseTarget("gpu1:s:w", { ...GRAMMARS.whole, command: "new" })).toThrow(
      expect.objectContaining({
        message: 'moor new takes HOST:SESSION, not a window: got "gpu1:s:w"',
        hint: 'write "gpu1:s"',
      }),
    );
    expect(() => parseTarget("gpu1:s", { ...GRAMMARS.host, command: "ls" })).toThrow(
      expect.objectContaining({ message: 'moor ls takes HOST, not a session: got "gpu1:s"', hint: 'write "gpu1"' }),
    );
    const hint = ({ host }: Target, usual: string): string => `${usual}, or "moor kill ${host} --all --yes"`;
    expect(() => parseTarget("gpu1", { ...GRAMMARS.whole, command: "kill", hint })).toThrow(
      expect.objectContaining({
        hint: 'write HOST:SESSION, for example "gpu1:agent"; "moor ls gpu1" lists its sessions, or "moor kill gpu1 --all --yes"',
      }),
    );
  });
});

function messageOf(text: string, grammar: TargetGrammar): string | undefined {
  try {
    parseTarget(text, grammar);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : undefined;
  }
}

describe("formatTarget", () => {
  it("writes a target back as the user writes it, and parsing it again gives the same target", () => {
    for (const target of [
      { host: "gpu1" },
      { host: "gpu1", session: "a" },
      { host: "gpu1", session: "a", window: "w" },
    ]) {
      const text = formatTarget(target);
      expect(parseTarget(text, GRAMMARS.any)).toEqual(target);
    }
    expect(formatTarget({ host: "gpu1", session: "a", window: "w" })).toBe("gpu1:a:w");
  });
});

describe("typedHost", () => {
  it("is the host of a target being typed, once its ':' is there", () => {
    expect(typedHost("gp")).toBeUndefined();
    expect(typedHost("gpu1:")).toBe("gpu1");
    expect(typedHost("gpu1:ag")).toBe("gpu1");
    expect(typedHost("gpu1:agent:w")).toBe("gpu1");
  });
});
