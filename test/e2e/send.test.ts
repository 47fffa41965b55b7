import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBox, type Box } from "../support/box.js";
import { addBox, makeWorld, moor, type MoorWorld } from "../support/cli.js";
import { fileSize, paneCommand, recorded, run, startRecorder, waitFor } from "./support/boxFiles.js";

let box: Box;
let world: MoorWorld;

beforeAll(async () => {
  box = await startBox();
  world = makeWorld();
  await addBox(world, "box", box);
});

afterAll(async () => {
  await box?.stop();
});

const ENTER = "\r";
const NASTY = `it's "quoted" $(touch /tmp/pwned) \`touch /tmp/pwned\` $HOME ; | & < > * ~ \\ # !! %s`;

describe("moor send", () => {
  it("types words joined by single spaces exactly, then Enter, with nothing run by a shell", async () => {
    const got = await startRecorder(box, "args");
    const words = [
      "it's",
      `"quoted"`,
      "$(touch /tmp/pwned)",
      "`touch /tmp/pwned`",
      ";|&<>",
      "tab\there",
      "ünïcødé ✓ 🚀",
      "-",
      "--",
    ];
    const result = await moor(world, ["send", "box:args", "--", ...words]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const expected = `${words.join(" ")}${ENTER}`;
    expect((await recorded(box, got, Buffer.byteLength(expected))).toString()).toBe(expected);
    expect((await box.exec(["test", "-e", "/tmp/pwned"])).exitCode).not.toBe(0);
  });

  it.each([
    ["quotes, $() and backticks", NASTY],
    ["tabs and newlines", "first line\n\tindented\n\nlast line, no newline"],
    ["unicode", "héllo wörld ✓ 日本語 🚀 \u200b zero-width"],
    ["a trailing newline", "one line\n"],
  ])("sends %s from standard input exactly", async (_what, text) => {
    const name = `stdin${String(Math.random()).slice(2, 8)}`;
    const got = await startRecorder(box, name);
    const result = await moor(world, ["send", `box:${name}`], { input: text });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect((await recorded(box, got, Buffer.byteLength(text) + 1)).toString()).toBe(`${text}${ENTER}`);
  });

  it("sends 64 KiB from standard input exactly, as one paste, with --no-enter", async () => {
    const got = await startRecorder(box, "big");
    const alphabet = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 $`'\"\\;|&<>()[]{}*?!#~\t✓é\n";
    let text = "";
    for (let index = 0; Buffer.byteLength(text) < 64 * 1024; index++)
      text += alphabet[(index * 7919) % alphabet.length];
    const started = Date.now();
    const result = await moor(world, ["send", "box:big", "-", "--no-enter"], { input: text });
    const sentMs = Date.now() - started;
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    await waitFor("the whole text", async () =>
      (await fileSize(box, got)) >= Buffer.byteLength(text) ? true : undefined,
    );
    console.log(
      `moor send of ${Buffer.byteLength(text)} bytes: CLI run ${sentMs} ms, all bytes in the pane's reader ${Date.now() - started} ms after start`,
    );
    const bytes = await recorded(box, got, Buffer.byteLength(text));
    expect(bytes.equals(Buffer.from(text))).toBe(true);
  });

  it("delivers multi-line text as ONE bracketed paste to an app that asked for it, then Enter", async () => {
    const got = await startRecorder(box, "bracketed", { bracketedPaste: true });
    const text = "line one\nline two\nline three";
    const result = await moor(world, ["send", "box:bracketed", text]);
    expect(result.code).toBe(0);
    const expected = `\x1b[200~${text}\x1b[201~${ENTER}`;
    expect((await recorded(box, got, Buffer.byteLength(expected))).toString()).toBe(expected);
  });

  it("--no-enter types the text without pressing Enter; --key sends named keys after the text", async () => {
    const got = await startRecorder(box, "keys");
    expect((await moor(world, ["send", "box:keys", "abc", "--no-enter"])).code).toBe(0);
    expect(
      (await moor(world, ["send", "box:keys", "x", "--no-enter", "--key", "Escape", "--key", "Up", "--key", "C-c"]))
        .code,
    ).toBe(0);
    expect((await recorded(box, got, 3 + 1 + 1 + 3 + 1)).toString()).toBe("abcx\x1b\x1b[A\x03");
  });

  it("--key C-c interrupts a running sleep", async () => {
    await run(box, ["tmux", "new-session", "-d", "-s", "sleeper", "bash --norc"]);
    expect((await moor(world, ["send", "box:sleeper", "sleep 1000"])).code).toBe(0);
    await waitFor("sleep to run", async () => ((await paneCommand(box, "sleeper")) === "sleep" ? true : undefined));
    const result = await moor(world, ["send", "box:sleeper", "--key", "C-c"]);
    expect(result.code).toBe(0);
    await waitFor("sleep to be interrupted", async () =>
      (await paneCommand(box, "sleeper")) === "bash" ? true : undefined,
    );
  });

  it("is exit 5 for an unknown session or window, and leaves no paste buffer behind", async () => {
    await startRecorder(box, "present");
    const session = await moor(world, ["send", "box:nosuch", "hello"]);
    expect(session.code).toBe(5);
    expect(session.stderr).toMatch(/box:nosuch/);
    const window = await moor(world, ["send", "box:present:nowin", "hello"]);
    expect(window.code).toBe(5);
    expect((await run(box, ["tmux", "list-buffers"])).trim()).toBe("");
  });

  it("refuses bad names and keys with exit 2 before any connection, even for an unregistered host", async () => {
    for (const args of [
      ["nohost:bad.name", "hi"],
      ["nohost:s1:-w", "hi"],
      ["nohost", "hi"],
      ["nohost:s1", "--key", "Ctrl+C"],
      ["nohost:s1", "--key", "NotAKey"],
    ]) {
      const result = await moor(world, ["send", ...args]);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toMatch(/^moor: /);
    }
    expect((await moor(world, ["send", "nohost:s1", "hi"])).code).toBe(5);
  });
});
