import { describe, expect, it } from "vitest";
import { ExitCode } from "../../../../src/errors.js";
import { parseWholeSessionTarget } from "../../../../src/core/sessions/wholeSessionTarget.js";

describe("parseWholeSessionTarget", () => {
  it("gives host, session and the label for messages", () => {
    expect(parseWholeSessionTarget("gpu1:fix-tests", "new")).toEqual({
      host: "gpu1",
      session: "fix-tests",
      label: "gpu1:fix-tests",
    });
  });

  it("refuses a host alone, a window part and bad names with exit 2", () => {
    for (const text of ["gpu1", "gpu1:s:w", "gpu1:a.b", "gpu1:-x", "gpu1:", `gpu1:${"a".repeat(65)}`, ""]) {
      expect(() => parseWholeSessionTarget(text, "new"), text).toThrow(
        expect.objectContaining({ exitCode: ExitCode.usage }) as Error,
      );
    }
    expect(() => parseWholeSessionTarget("gpu1:s:w", "note")).toThrow(
      /moor note acts on a whole session: got the window "w"/,
    );
  });
});
