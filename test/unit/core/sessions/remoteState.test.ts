import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import {
  appendNotesArgv,
  createSessionArgv,
  readNotesArgv,
  replaceNotesArgv,
  STATE_EXIT,
} from "../../../../src/core/sessions/remoteState.js";

// The scripts run in a real sh, in a fresh directory standing for the remote home.
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "moor-state-"));
});

function run(argv: string[], stdin = ""): { code: number | null; stdout: string; stderr: string } {
  const [program = "", ...args] = argv;
  // Run under the usual login umask (022), which the scripts must override.
  const result = spawnSync("sh", ["-c", 'umask 022; exec "$@"', "sh", program, ...args], {
    cwd: home,
    input: stdin,
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const state = (...parts: string[]) => join(home, ".local/state/moor/s", ...parts);
const mode = (path: string): number => statSync(path).mode & 0o777;

describe("createSessionArgv", () => {
  it("makes the state folder and records the spec once the tmux command succeeded", () => {
    const argv = createSessionArgv({
      session: "s",
      specPath: ".local/state/moor/s/spec.json",
      cwd: "~/work",
      tmuxArgv: ["sh", "-c", "echo made"],
    });
    mkdirSync(join(home, "work"));
    expect(run(argv, '{"it\'s": "ü"}\n')).toEqual({ code: 0, stdout: "made\n", stderr: "" });
    expect(readFileSync(state("spec.json"), "utf8")).toBe('{"it\'s": "ü"}\n');
    expect(existsSync(state("spec.json.new"))).toBe(false);
  });

  it("keeps the state folder (0700) and the spec (0600) private under a umask of 022", () => {
    const argv = createSessionArgv({
      session: "s",
      specPath: ".local/state/moor/s/spec.json",
      tmuxArgv: ["touch", ".local/state/moor/s/output.log"],
    });
    expect(run(argv, "{}").code).toBe(0);
    expect(mode(state())).toBe(0o700);
    expect(mode(state("spec.json"))).toBe(0o600);
    expect(mode(state("output.log"))).toBe(0o600);
  });

  it("leaves an existing spec alone when tmux refuses, and passes tmux's status and words on", () => {
    mkdirSync(state(), { recursive: true });
    writeFileSync(state("spec.json"), "old");
    const argv = createSessionArgv({
      session: "s",
      specPath: ".local/state/moor/s/spec.json",
      tmuxArgv: ["sh", "-c", "echo 'duplicate session: s' >&2; exit 1"],
    });
    expect(run(argv, "new")).toMatchObject({ code: 1, stderr: "duplicate session: s\n" });
    expect(readFileSync(state("spec.json"), "utf8")).toBe("old");
    expect(existsSync(state("spec.json.new"))).toBe(false);
  });

  it("refuses a missing --cwd before running anything, and records nothing without a spec path", () => {
    expect(run(createSessionArgv({ session: "s", cwd: "nowhere", tmuxArgv: ["touch", "ran"] })).code).toBe(
      STATE_EXIT.noCwd,
    );
    expect(existsSync(join(home, "ran"))).toBe(false);
    expect(run(createSessionArgv({ session: "s", cwd: "~", tmuxArgv: ["touch", "ran"] })).code).toBe(0);
    expect(existsSync(join(home, "ran"))).toBe(true);
    expect(existsSync(state("spec.json"))).toBe(false);
  });
});

describe("notes scripts", () => {
  it("say the state folder is missing unless asked to create it", () => {
    expect(run(readNotesArgv("s")).code).toBe(STATE_EXIT.missing);
    expect(run(appendNotesArgv("s", false), "x\n").code).toBe(STATE_EXIT.missing);
    expect(run(appendNotesArgv("s", true), "x\n").code).toBe(0);
    expect(run(readNotesArgv("s")).stdout).toBe("x\n");
    expect(mode(state())).toBe(0o700);
    expect(mode(state("notes.md"))).toBe(0o600);
    expect(run(replaceNotesArgv("s", false), "y\n").code).toBe(0);
    expect(mode(state("notes.md"))).toBe(0o600);
  });

  it("print nothing without notes, append on a line of its own, replace byte for byte", () => {
    mkdirSync(state(), { recursive: true });
    expect(run(readNotesArgv("s"))).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(run(replaceNotesArgv("s", false), "no newline 'ü'").code).toBe(0);
    expect(run(appendNotesArgv("s", false), "next\n").code).toBe(0);
    expect(run(appendNotesArgv("s", false), "last\n").code).toBe(0);
    expect(run(readNotesArgv("s")).stdout).toBe("no newline 'ü'\nnext\nlast\n");
    expect(run(replaceNotesArgv("s", false), "").code).toBe(0);
    expect(readFileSync(state("notes.md"), "utf8")).toBe("");
  });
});
