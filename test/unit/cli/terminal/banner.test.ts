import { describe, expect, it } from "vitest";
import { bannerSequence, bannerText, clearBannerSequence } from "../../../../src/cli/terminal/banner.js";

describe("outage banner", () => {
  it("says how long the link has been silent and whether moor is reconnecting", () => {
    expect(bannerText({ host: "gpu1", silentSeconds: 3, down: false, reconnecting: true })).toBe(
      "moor: link to gpu1 quiet for 3s — reconnecting…",
    );
    expect(bannerText({ host: "gpu1", silentSeconds: 7, down: true, reconnecting: true })).toBe(
      "moor: link to gpu1 down for 7s — reconnecting…",
    );
    expect(bannerText({ host: "gpu1", silentSeconds: 4, down: false, reconnecting: false })).toBe(
      "moor: link to gpu1 quiet for 4s",
    );
  });

  it("saves the cursor, draws reverse video on the last row short of the last column, and restores the cursor", () => {
    expect(bannerSequence("moor: hi", 24, 12)).toBe("\x1b7\x1b[24;1H\x1b[2K\x1b[7mmoor: hi   \x1b[0m\x1b8");
  });

  it("cuts a long text by characters, not bytes, to fit the row", () => {
    expect(bannerSequence("ab—…cdef", 5, 5)).toBe("\x1b7\x1b[5;1H\x1b[2K\x1b[7mab—…\x1b[0m\x1b8");
  });

  it("clears the banner's row without moving the cursor", () => {
    expect(clearBannerSequence(40)).toBe("\x1b7\x1b[40;1H\x1b[2K\x1b8");
  });
});
