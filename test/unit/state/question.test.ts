import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { agentRules } from "../../../src/state/index.js";
import { answerKeys, parseChoice, readQuestion, type Question } from "../../../src/state/question.js";

const SCREENS = join(import.meta.dirname, "../../fixtures/screens");
const screenOf = (file: string): string[] =>
  readFileSync(join(SCREENS, file), "utf8")
    .replace(/\n$/, "")
    .split("\n")
    .map((line) => line.trimEnd());
const dialogOf = (name: string) => {
  const dialog = agentRules().agents.find((agent) => agent.name === name)?.dialog;
  if (dialog === undefined) throw new Error(`${name} has no dialog rule`);
  return dialog;
};
const question = (name: string, file: string): Question | undefined => readQuestion(dialogOf(name), screenOf(file));
const labels = (q: Question | undefined) => q?.options.map((option) => `${String(option.number)} ${option.label}`);

describe("readQuestion reads each real agent's permission question from its captured screen", () => {
  it("Claude Code 2.1.332", () => {
    const q = question("claude", "claude@2.1.332/asking.txt");
    expect(q?.text).toBe("Do you want to proceed?");
    expect(labels(q)).toEqual(["1 Yes", "2 Yes, and always allow access to /tmp from this project", "3 No"]);
    expect(q?.selected).toBe(1);
  });

  it("Codex 0.171.0, a wrapped label joined", () => {
    const q = question("codex", "codex@0.171.0/asking.txt");
    expect(q?.text.split("\n")[0]).toBe("Would you like to run the following command?");
    expect(q?.text).toContain("$ touch /tmp/moor-fake-tool-ran");
    expect(labels(q)).toEqual([
      "1 Yes, proceed (y)",
      "2 Yes, and don't ask again for commands that start with `touch /tmp/moor- fake-tool-ran` (p)",
      "3 No, and tell Codex what to do differently (esc)",
    ]);
    expect(q?.selected).toBe(1);
  });

  it("opencode 1.18.33, options on one row", () => {
    const q = question("opencode", "opencode@1.18.33/asking.txt");
    expect(q?.text.split("\n")).toEqual([
      "△ Permission required",
      "← Access external directory /tmp",
      "Patterns",
      "- /tmp/*",
    ]);
    expect(labels(q)).toEqual(["1 Allow once", "2 Allow always", "3 Reject"]);
  });

  it("Gemini CLI 0.61.0, inside its box, and its trust question after a numbered list of tips", () => {
    const q = question("gemini", "gemini@0.61.0/asking.txt");
    expect(q?.text).toBe("Allow execution of [Shell]?");
    expect(labels(q)).toEqual(["1 Allow once", "2 Allow for this session", "3 No, suggest changes (esc)"]);
    const trust = question("gemini", "gemini@0.61.0/asking-trust.txt");
    expect(trust?.text.split("\n")[0]).toBe("Do you trust the files in this folder?");
    expect(labels(trust)).toEqual(["1 Trust folder (elsewhere)", "2 Trust parent folder (tmp)", "3 Don't trust"]);
  });

  it("no question on a waiting screen", () => {
    for (const name of ["claude", "codex", "opencode", "gemini"]) {
      const folder = {
        claude: "claude@2.1.332",
        codex: "codex@0.171.0",
        opencode: "opencode@1.18.33",
        gemini: "gemini@0.61.0",
      }[name];
      expect(question(name, `${folder}/waiting-after-tool.txt`)).toBeUndefined();
    }
  });

  it("the id follows the text and the options, not the highlight", () => {
    const screen = screenOf("claude@2.1.332/asking.txt");
    const base = readQuestion(dialogOf("claude"), screen);
    const moved = readQuestion(
      dialogOf("claude"),
      screen.map((line) => line.replace("❯ 1. Yes", "  1. Yes").replace("  3. No", "❯ 3. No")),
    );
    const other = readQuestion(
      dialogOf("claude"),
      screen.map((line) => line.replace("Do you want to proceed?", "Do you want to make this edit?")),
    );
    expect(moved?.id).toBe(base?.id);
    expect(moved?.selected).toBe(3);
    expect(other?.id).not.toBe(base?.id);
  });
});

describe("answerKeys", () => {
  it("types the digit, or moves from the highlighted option and confirms", () => {
    const claude = question("claude", "claude@2.1.332/asking.txt") as Question;
    expect(answerKeys(dialogOf("claude"), claude, 2)).toEqual(["2"]);
    expect(answerKeys(dialogOf("claude"), claude, "no")).toEqual(["3"]);
    const codex = question("codex", "codex@0.171.0/asking.txt") as Question;
    expect(answerKeys(dialogOf("codex"), codex, "yes")).toEqual(["Enter"]);
    expect(answerKeys(dialogOf("codex"), codex, 3)).toEqual(["Down", "Down", "Enter"]);
    expect(answerKeys(dialogOf("codex"), { ...codex, selected: 3 }, 1)).toEqual(["Up", "Up", "Enter"]);
    const opencode = question("opencode", "opencode@1.18.33/asking.txt") as Question;
    expect(answerKeys(dialogOf("opencode"), opencode, "no")).toEqual(["Right", "Right", "Enter"]);
    expect(answerKeys(dialogOf("opencode"), opencode, "esc")).toEqual(["Escape"]);
  });

  it("refuses an option that is not there (exit 2), naming the options", () => {
    const claude = question("claude", "claude@2.1.332/asking.txt") as Question;
    expect(() => answerKeys(dialogOf("claude"), claude, 4)).toThrow(/no option 4; its options are 1 "Yes", .*3 "No"/);
    expect(() => answerKeys(dialogOf("claude"), claude, 0)).toThrow(expect.objectContaining({ exitCode: 2 }));
  });

  it("parses CHOICE", () => {
    expect([parseChoice("2"), parseChoice("YES"), parseChoice("n"), parseChoice("Esc")]).toEqual([
      2,
      "yes",
      "no",
      "esc",
    ]);
    expect(() => parseChoice("maybe")).toThrow(expect.objectContaining({ exitCode: 2 }));
  });
});
