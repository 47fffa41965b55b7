import { describe, expect, it, vi } from "vitest";
import { KeyCache } from "../../../src/ssh/keyCache.js";
import { fixturePath } from "./fixtures.js";

const ENCRYPTED = fixturePath("keys/id_ed25519_secret");

describe("KeyCache", () => {
  it("asks for a passphrase once, however many connections load the key at the same time or later", async () => {
    const cache = new KeyCache();
    const ask = vi.fn(() => new Promise<string>((resolve) => setTimeout(() => resolve("secret"), 5)));
    const keys = await Promise.all([
      cache.load(ENCRYPTED, ask),
      cache.load(ENCRYPTED, ask),
      cache.load(ENCRYPTED, ask),
    ]);
    await cache.load(ENCRYPTED, ask);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(keys.every((key) => key.passphrase === "secret")).toBe(true);
  });

  // Failed before the fix: the failure was dropped, so a connection attempt started while the prompt was up asked
  // again after Ctrl-D, and moor waited on a prompt nobody expected.
  it("keeps a declined prompt for the run: a later connection fails the same way without asking again", async () => {
    const cache = new KeyCache();
    await expect(cache.load(ENCRYPTED, () => Promise.resolve(undefined))).rejects.toMatchObject({ exitCode: 4 });
    const ask = vi.fn(() => Promise.resolve("secret"));
    await expect(cache.load(ENCRYPTED, ask)).rejects.toMatchObject({
      exitCode: 4,
      message: expect.stringContaining("no passphrase was given") as string,
    });
    expect(ask).not.toHaveBeenCalled();
  });
});
