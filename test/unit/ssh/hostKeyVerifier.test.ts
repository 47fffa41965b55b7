import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

import { ExitCode } from "../../../src/errors.js";
import { makeHostKeyVerifier, type HostKeyPolicy } from "../../../src/ssh/hostKeyVerifier.js";
import { hostKey } from "./fixtures.js";

const policy = (file: string, acceptNew: boolean): HostKeyPolicy => ({
  file,
  host: "box.example",
  port: 22,
  label: "box",
  acceptNew,
});
const freshFile = (): string => join(mkdtempSync(join(tmpdir(), "moor-verifier-")), "known_hosts");

describe("makeHostKeyVerifier", () => {
  it("records a new key with --accept-new", async () => {
    const file = freshFile();
    const verifier = await makeHostKeyVerifier(policy(file, true));
    expect(await verifier.verify(hostKey("ed25519_a").data)).toBe(true);
    expect(verifier.status()).toBe("recorded");
    expect(readFileSync(file, "utf8")).toBe(`box.example ssh-ed25519 ${hostKey("ed25519_a").base64}\n`);
  });

  it("refuses, with exit 2 naming the file, a new key it cannot record", async () => {
    const file = "/proc/version";
    const verifier = await makeHostKeyVerifier(policy(file, true));
    await expect(verifier.verify(hostKey("ed25519_a").data)).resolves.toBe(false);
    expect(verifier.failure()).toMatchObject({
      exitCode: ExitCode.usage,
      message: expect.stringMatching(/^cannot record the host key of box in \/proc\/version: /) as unknown,
      hint: expect.stringContaining("--known-hosts") as unknown,
    });
  });

  it("refuses a malformed key with exit 4 rather than throwing", async () => {
    const verifier = await makeHostKeyVerifier(policy(freshFile(), true));
    await expect(verifier.verify(Buffer.from("garbage"))).resolves.toBe(false);
    expect(verifier.failure()).toMatchObject({
      exitCode: ExitCode.auth,
      message: "the server sent a malformed host key",
    });
  });
});
