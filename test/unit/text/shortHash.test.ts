import { describe, expect, it } from "vitest";
import { shortHash } from "../../../src/text/shortHash.js";

describe("shortHash", () => {
  it("is FNV-1a 64 as published, 16 hex digits", () => {
    // Reference values of the FNV-1a 64-bit hash (http://www.isthe.com/chongo/tech/comp/fnv/).
    expect(shortHash("")).toBe("cbf29ce484222325");
    expect(shortHash("a")).toBe("af63dc4c8601ec8c");
    expect(shortHash("foobar")).toBe("85944171f73967e8");
  });

  it("tells apart names that differ by one character, and hashes UTF-8 bytes", () => {
    const names = Array.from({ length: 2000 }, (_, index) => `/home/me/.config/moor-${String(index)}`);
    expect(new Set(names.map(shortHash)).size).toBe(names.length);
    expect(shortHash("é")).not.toBe(shortHash("e"));
  });
});
