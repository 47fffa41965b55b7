import { describe, expect, it } from "vitest";
import { ExitCode, MoorError } from "../../../src/errors.js";
import { validateName } from "../../../src/core/names.js";

function exitCodeOf(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof MoorError ? error.exitCode : undefined;
  }
  return undefined;
}

describe("validateName", () => {
  it.each(["a", "agent-1", "A_b-9", "x".repeat(64), "_lead"])("accepts %s", (name) => {
    expect(validateName("session", name)).toBe(name);
  });

  it.each(["", "a.b", "a:b", "-x", "x".repeat(65), "a b", "é", "a/b", "=a"])(
    "refuses %j with exit 2 naming the rule",
    (name) => {
      expect(exitCodeOf(() => validateName("session", name))).toBe(ExitCode.usage);
      expect(() => validateName("session", name)).toThrow(/1-64 characters/);
    },
  );
});
