import { describe, it, expect } from "vitest";
import { paneTarget, sessionTarget, windowTarget } from "../../../src/tmux/target.js";

describe("targets", () => {
  it("match sessions exactly", () => {
    expect(sessionTarget("work")).toBe("=work");
  });

  it("match windows exactly by name within an exact session", () => {
    expect(windowTarget("work", "main")).toBe("=work:=main");
  });

  it("give a pane target with the colon tmux needs", () => {
    expect(paneTarget("work")).toBe("=work:");
    expect(paneTarget("work", "main")).toBe("=work:=main");
  });
});
