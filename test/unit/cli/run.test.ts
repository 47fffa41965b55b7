import { describe, expect, it } from "vitest";
import { wantsVerbose } from "../../../src/cli/run.js";

describe("wantsVerbose", () => {
  it("finds -v and --verbose among moor's own arguments", () => {
    expect(wantsVerbose(["node", "moor", "-v", "ls"])).toBe(true);
    expect(wantsVerbose(["node", "moor", "ls", "--verbose"])).toBe(true);
    expect(wantsVerbose(["node", "moor", "ls"])).toBe(false);
  });

  it("ignores them after a standalone --, where they belong to the remote command", () => {
    expect(wantsVerbose(["node", "moor", "new", "h:s", "--", "claude", "-v"])).toBe(false);
    expect(wantsVerbose(["node", "moor", "new", "h:s", "--", "claude", "--verbose"])).toBe(false);
    expect(wantsVerbose(["node", "moor", "-v", "new", "h:s", "--", "claude"])).toBe(true);
  });
});
