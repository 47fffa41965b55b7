import { execFileSync } from "node:child_process";
import { appendFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startBox, type Box } from "../support/box.js";
import { MOOR_BIN, makeWorld, moor, type MoorWorld } from "../support/cli.js";
import { LocalTerminal } from "../support/terminal.js";

// A real terminal (a local tmux PTY) running moor against a real box that trusts only an encrypted key.
let box: Box;
let world: MoorWorld;
let keyPath: string;
let terminal: LocalTerminal | undefined;

beforeAll(async () => {
  world = makeWorld();
  keyPath = join(world.home, "id_enc");
  execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "secret", "-f", keyPath]);
  box = await startBox({ authorizedKeys: [readFileSync(`${keyPath}.pub`, "utf8").trim()] });
  appendFileSync(world.knownHosts, `${box.knownHostsLine()}\n`);
  const add = await moor(world, ["host", "add", "enc", "moor@127.0.0.1", "-p", String(box.port), "-i", keyPath]);
  expect(add.code).toBe(0);
});

afterEach(async () => {
  await terminal?.close();
  terminal = undefined;
});

afterAll(async () => {
  await box?.stop();
});

// Starts `moor host test enc` in the terminal and waits for the prompt.
async function atPrompt(): Promise<LocalTerminal> {
  terminal = await LocalTerminal.start([process.execPath, MOOR_BIN, "host", "test", "enc"], { env: world.env });
  await terminal.waitFor(/Enter passphrase for key '.*id_enc': /, 20_000);
  return terminal;
}

describe("the passphrase prompt, in a real terminal", () => {
  it("decrypts the key with the passphrase typed, without echoing it", async () => {
    const pty = await atPrompt();
    await pty.type(["secret"], true);
    await pty.type(["Enter"]);
    expect(await pty.waitForExit(20_000)).toBe(0);
    expect(await pty.screen()).not.toContain("secret");
  });

  // Failed before the fix: readline answered Ctrl-C by pausing its input, and moor waited forever.
  it("ends at once with 130 on Ctrl-C", async () => {
    const pty = await atPrompt();
    await pty.type(["C-c"]);
    expect(await pty.waitForExit(3_000)).toBe(130);
  });

  // Failed before the fix: Ctrl-D closed readline without an answer, and moor waited forever.
  it("ends at once with 4 and the ssh-add hint on Ctrl-D", async () => {
    const pty = await atPrompt();
    await pty.type(["C-d"]);
    expect(await pty.waitForExit(3_000)).toBe(4);
    expect(await pty.screen()).toMatch(new RegExp(`encrypted and no passphrase was given[\\s\\S]*ssh-add ${keyPath}`));
  });

  // Failed before the fix: an empty answer was tried as a passphrase and asked again, three times.
  it("ends at once with 4 and the ssh-add hint on an empty answer", async () => {
    const pty = await atPrompt();
    await pty.type(["Enter"]);
    expect(await pty.waitForExit(3_000)).toBe(4);
    expect(await pty.screen()).toMatch(/ssh-add/);
  });
});
