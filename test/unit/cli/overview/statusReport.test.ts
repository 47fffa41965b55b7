import { describe, expect, it } from "vitest";
import { formatStatus, statusJson } from "../../../../src/cli/overview/statusReport.js";
import { makeStyle } from "../../../../src/cli/render/style.js";
import type { SessionStateReport } from "../../../../src/core/state/readSessionState.js";
import { tracked } from "../../fakes/trackedState.js";

const question = {
  id: "0123456789ab",
  text: "Would you like to run the following command?\n$ touch /tmp/x",
  options: [
    { number: 1, label: "Yes, proceed (y)" },
    { number: 2, label: "No (esc)" },
  ],
  selected: 1,
};
const report = (asking: boolean): SessionStateReport => ({
  target: "gpu1:fix",
  state: tracked(asking ? "asking" : "waiting", { agent: "codex" }),
  pane: { id: "%1", command: "codex", title: "", window: "agent" },
  screen: [],
  question: asking ? question : undefined,
});

describe("moor status shows the question an asking agent shows", () => {
  it("as JSON: id, text and options (null when nothing is asked)", () => {
    expect(statusJson(report(true)).question).toEqual({
      id: "0123456789ab",
      text: question.text,
      options: question.options,
    });
    expect(statusJson(report(false)).question).toBeNull();
  });

  it("as text: the question, each option by number, and how to answer it", () => {
    const text = formatStatus(report(true), 0, makeStyle({ isTTY: false }, {}));
    expect(text).toContain(
      [
        "  question Would you like to run the following command?",
        "           $ touch /tmp/x",
        "    1. Yes, proceed (y)",
        "    2. No (esc)",
        "  id       0123456789ab  (moor answer gpu1:fix 1|yes|no|esc --question 0123456789ab)",
      ].join("\n"),
    );
  });
});
