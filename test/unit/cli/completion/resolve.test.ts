import { describe, expect, it } from "vitest";
import { resolveCompletion } from "../../../../src/cli/completion/resolve.js";
import { buildProgram } from "../../../../src/cli/program.js";
import { RuntimeHolder } from "../../../../src/cli/runtime.js";

const complete = (...words: string[]) => resolveCompletion(buildProgram(new RuntimeHolder()), words);

describe("resolveCompletion over moor's command tree", () => {
  it("offers the visible commands first, and a command's subcommands after it", () => {
    const top = complete("");
    expect(top.kind === "words" && top.words).toEqual(expect.arrayContaining(["host", "peek", "completion", "help"]));
    expect(top.kind === "words" && top.words).not.toContain("__complete");
    expect(complete("host", "")).toEqual({ kind: "words", words: ["add", "ls", "rm", "test"] });
  });

  it("knows which argument is under the cursor, skipping options and their values", () => {
    expect(complete("peek", "")).toEqual({ kind: "targets" });
    expect(complete("peek", "-n", "5", "")).toEqual({ kind: "targets" });
    expect(complete("--config-dir", "/x", "ls", "a", "")).toEqual({ kind: "hosts" });
    expect(complete("host", "rm", "")).toEqual({ kind: "hosts" });
    expect(complete("host", "add", "")).toEqual({ kind: "words", words: [] });
    expect(complete("peek", "box:s", "")).toEqual({ kind: "words", words: [] });
    const keys = complete("config", "get", "");
    expect(keys.kind === "words" && keys.words.includes("persist") && keys.words.includes("idle")).toBe(true);
  });

  it("completes an option's value by what the option takes", () => {
    expect(complete("capture", "h:s", "-o", "")).toEqual({ kind: "files" });
    expect(complete("host", "add", "n", "d", "-J", "")).toEqual({ kind: "hosts" });
    expect(complete("new", "h:s", "--", "")).toEqual({ kind: "files" });
  });

  it("offers the options in scope, the global ones included", () => {
    const long = complete("logs", "h:s", "--");
    expect(long.kind === "words" && long.words.every((flag) => flag.startsWith("--"))).toBe(true);
    const flags = complete("logs", "h:s", "-");
    expect(flags.kind === "words" && flags.words).toEqual(
      expect.arrayContaining(["-f", "--follow", "--config-dir", "-v"]),
    );
  });
});
