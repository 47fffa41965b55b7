import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { agentRules, inputText } from "../../../src/state/index.js";

const SCREENS = join(import.meta.dirname, "../../fixtures/screens");
const FOLDERS = {
  claude: "claude@2.1.332",
  codex: "codex@0.171.0",
  opencode: "opencode@1.18.33",
  gemini: "gemini@0.61.0",
} as const;
type Name = keyof typeof FOLDERS;

function boxText(name: Name, file: string): string | undefined {
  const input = agentRules().agents.find((agent) => agent.name === name)?.input;
  if (input === undefined) throw new Error(`${name} has no input rule`);
  const screen = readFileSync(join(SCREENS, FOLDERS[name], `${file}.txt`), "utf8").split("\n");
  return inputText(input, screen);
}

describe("inputText reads each real agent's input box", () => {
  it.each(Object.keys(FOLDERS) as Name[])("%s: empty (or a placeholder) at its prompt and while it works", (name) => {
    for (const file of ["waiting", "waiting-after-tool", "working", "working-thinking"])
      expect({ file, text: boxText(name, file) }).toEqual({ file, text: "" });
  });

  it.each(["claude", "opencode", "gemini"] as Name[])("%s: a half-written draft", (name) => {
    expect(boxText(name, "waiting-draft")).toBe("half written draft");
  });

  it("a Codex box with text, and a multi-line Claude draft", () => {
    const codex = agentRules().agents.find((agent) => agent.name === "codex")?.input;
    const claude = agentRules().agents.find((agent) => agent.name === "claude")?.input;
    if (codex === undefined || claude === undefined) throw new Error("no input rule");
    expect(inputText(codex, ["› codex MOOR-TOOL earlier", "• Done.", "", "› fix the", "", "  ? for shortcuts"])).toBe(
      "fix the",
    );
    const rule = "─".repeat(40);
    expect(
      inputText(claude, ["❯ earlier prompt", rule, "❯ first line", "  second line", rule, "  ? for shortcuts"]),
    ).toBe("first line\nsecond line");
  });
});
