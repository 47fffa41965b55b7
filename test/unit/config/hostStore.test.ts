import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { HostStore } from "../../../src/config/hostStore.js";
import { ExitCode, MoorError } from "../../../src/errors.js";

const freshDir = (): string => mkdtempSync(join(tmpdir(), "moor-store-"));
const storeModule = new URL("../../../src/config/hostStore.ts", import.meta.url).href;
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

// A separate moor process adding hosts: node with tsx, as the real CLI would, but straight into the store.
function putInChild(dir: string, names: string[]): Promise<number | null> {
  const script = `const { HostStore } = await import(${JSON.stringify(storeModule)});
const store = new HostStore(${JSON.stringify(dir)});
for (const name of ${JSON.stringify(names)}) store.put({ name, hostname: name });`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: repoRoot,
    stdio: ["ignore", "ignore", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  });
}

describe("HostStore", () => {
  it("keeps host names with dots whole and writes the file with mode 0600", () => {
    const dir = freshDir();
    const store = new HostStore(dir);
    store.put({ name: "build.eu", hostname: "10.0.0.1", port: 2222, user: "me" });
    const again = new HostStore(dir);
    expect(again.get("build.eu")).toEqual({ name: "build.eu", hostname: "10.0.0.1", port: 2222, user: "me" });
    expect(again.get("build")).toBeUndefined();
    expect(statSync(again.path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(again.path, "utf8"))).toEqual({
      hosts: { "build.eu": { name: "build.eu", hostname: "10.0.0.1", port: 2222, user: "me" } },
    });
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

  it("keeps every host when several moor processes add hosts at once", { tags: ["slow"] }, async () => {
    const dir = freshDir();
    const names = (child: number): string[] => Array.from({ length: 5 }, (_, i) => `h${child}-${i}`);
    const codes = await Promise.all(Array.from({ length: 8 }, (_, child) => putInChild(dir, names(child))));
    expect(codes).toEqual(Array.from({ length: 8 }, () => 0));
    const expected = Array.from({ length: 8 }, (_, child) => names(child))
      .flat()
      .sort();
    expect(new HostStore(dir).list().map((host) => host.name)).toEqual(expected);
    expect(existsSync(join(dir, "hosts.json.lock"))).toBe(false);
  });

  it("takes over a lock left by a moor that died holding it", () => {
    const dir = freshDir();
    const store = new HostStore(dir);
    const lock = join(dir, "hosts.json.lock");
    writeFileSync(lock, "");
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, longAgo, longAgo);
    store.put({ name: "a", hostname: "a" });
    expect(store.get("a")).toEqual({ name: "a", hostname: "a" });
    expect(existsSync(lock)).toBe(false);
  });
});
