import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HostStore } from "../../../src/config/hostStore.js";
import { ExitCode, MoorError } from "../../../src/core/errors.js";

const freshDir = (): string => mkdtempSync(join(tmpdir(), "moor-store-"));

describe("HostStore", () => {
  it("keeps host names with dots whole and writes the file with mode 0600", () => {
    const dir = freshDir();
    const store = new HostStore(dir);
    store.put({ name: "build.eu", hostname: "10.0.0.1", port: 2222, user: "me" });
    const again = new HostStore(dir);
    expect(again.get("build.eu")).toEqual({ name: "build.eu", hostname: "10.0.0.1", port: 2222, user: "me" });
    expect(again.get("build")).toBeUndefined();
    expect(statSync(again.path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(again.path, "utf8"))).toEqual({ hosts: { "build.eu": { name: "build.eu", hostname: "10.0.0.1", port: 2222, user: "me" } } });
  });

  it("lists sorted and removes", () => {
    const store = new HostStore(freshDir());
    store.put({ name: "b", hostname: "b" });
    store.put({ name: "a", hostname: "a" });
    expect(store.list().map((h) => h.name)).toEqual(["a", "b"]);
    expect(store.remove("a")).toBe(true);
    expect(store.remove("a")).toBe(false);
    expect(store.list().map((h) => h.name)).toEqual(["b"]);
  });

  it("does not take inherited keys for hosts", () => {
    const store = new HostStore(freshDir());
    expect(store.get("constructor")).toBeUndefined();
    expect(store.get("__proto__")).toBeUndefined();
  });

  it.each([
    ["not JSON", "{ hosts: oops"],
    ["a schema violation", JSON.stringify({ hosts: { x: { name: "x", hostname: "h", port: "twenty" } } })],
  ])("reports %s naming the file, and leaves the file as it was", (_what, content) => {
    const dir = freshDir();
    const file = join(dir, "hosts.json");
    writeFileSync(file, content);
    let error: unknown;
    try {
      new HostStore(dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MoorError);
    expect((error as MoorError).exitCode).toBe(ExitCode.usage);
    expect((error as MoorError).message).toContain(file);
    expect(readFileSync(file, "utf8")).toBe(content);
  });
});
