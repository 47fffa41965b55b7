import { describe, expect, it } from "vitest";
import { ExitCode, MoorError } from "../../../../src/errors.js";
import { newBufferName, planSend } from "../../../../src/core/sessions/sendText.js";

const target = { host: "box", session: "s1" };

describe("planSend", () => {
  it("pastes the text from standard input, never on the command line", () => {
    const text = Buffer.from("it's $(rm -rf /) `x`; a|b & c > d\n\tdone ✓");
    const plan = planSend({ target, text, enter: true, keys: [] }, () => "moor-1");
    expect(plan.stdin).toBe(text);
    expect(plan.argv.join(" ")).not.toContain("rm -rf");
    expect(plan.argv).toContain("load-buffer");
    expect(plan.argv.slice(-4)).toEqual(["send-keys", "-t", "=s1:", "Enter"]);
    expect(plan.label).toBe("box:s1");
  });

  it("with --no-enter presses nothing after the paste", () => {
    const plan = planSend(
      { target: { ...target, window: "w" }, text: Buffer.from("x"), enter: false, keys: [] },
      () => "moor-1",
    );
    expect(plan.argv.at(-1)).toBe("=s1:=w");
    expect(plan.label).toBe("box:s1:w");
  });

  it("sends only Enter for empty text, and only the keys when there is no text", () => {
    expect(planSend({ target, text: Buffer.alloc(0), enter: true, keys: [] }).argv).not.toContain("load-buffer");
    const keysOnly = planSend({ target, text: undefined, enter: true, keys: ["C-c"] });
    expect(keysOnly.argv.slice(-4)).toEqual(["send-keys", "-t", "=s1:", "C-c"]);
    expect(keysOnly.argv).not.toContain("Enter");
    expect(keysOnly.stdin).toBeUndefined();
  });

  it("refuses a bad key with exit 2", () => {
    let error: unknown;
    try {
      planSend({ target, text: undefined, enter: true, keys: ["Ctrl+C"] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MoorError);
    expect((error as MoorError).exitCode).toBe(ExitCode.usage);
  });

  it("names each send's buffer uniquely", () => {
    const names = new Set(Array.from({ length: 100 }, newBufferName));
    expect(names.size).toBe(100);
    for (const name of names) expect(name).toMatch(/^moor-[0-9a-f]{12}$/);
  });
});
