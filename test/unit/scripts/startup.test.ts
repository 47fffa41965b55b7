import { build } from "esbuild";
import * as espree from "espree";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bundleOptions, loadedAtStart, QUICK_ENTRY } from "../../../scripts/bundle.js";

const root = new URL("../../../", import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), "utf8");

// What `moor --version`, `--help` and `completion` must start without (ARCHITECTURE.md, "Start-up").
const HEAVY = /node_modules\/(ssh2|conf|ajv|ajv-formats|asn1|bcrypt-pbkdf|cpu-features)\//;

describe("the bundle's start-up", { tags: ["slow"] }, () => {
  it("loads neither ssh2 nor conf (and its schema validator) until a command needs them", async () => {
    const { metafile } = await build({ ...bundleOptions, write: false });
    const heavy = [...loadedAtStart(metafile)].filter((file) => HEAVY.test(file));
    // A file listed here is imported statically on the way from the entry: reach it through `await import()` instead.
    expect(heavy).toEqual([]);
    const bundled = Object.keys(metafile.inputs);
    expect(bundled.some((file) => file.includes("node_modules/ssh2/"))).toBe(true);
    expect(bundled.some((file) => file.includes("node_modules/conf/"))).toBe(true);
  });
});

describe("the thin client (dist/quick.js)", { tags: ["slow"] }, () => {
  it("holds no library at all, and none of the CLI, the core or ssh: it only talks to the holder", async () => {
    const { metafile } = await build({ ...bundleOptions, write: false });
    const reached = [...loadedAtStart(metafile, QUICK_ENTRY)];
    expect(reached.filter((file) => file.includes("node_modules/"))).toEqual([]);
    expect(reached.filter((file) => /^src\/(core|ssh|link|tmux|state)\//.test(file))).toEqual([]);
    expect(metafile.outputs["dist/quick.js"]?.bytes ?? Infinity).toBeLessThan(40_000);
  });
});

describe("the bin entry", () => {
  const entry = read("bin/moor.js");
  // Node strips the #! line itself (every release does); the parser's ES2020 grammar does not know it.
  const body = entry.replace(/^#!.*\n/, "");

  it("parses as ES2020 (Node 14), so an old Node reaches its version check", () => {
    expect(() => espree.parse(body, { ecmaVersion: 2020, sourceType: "module" })).not.toThrow();
    expect(() => espree.parse("const a = 1; a ||= 2;", { ecmaVersion: 2020, sourceType: "module" })).toThrow();
  });

  it("turns away the Node versions below package.json's engines", () => {
    const engines = (JSON.parse(read("package.json")) as { engines: { node: string } }).engines.node;
    const needs = /const NEEDS = \[(\d+), (\d+), (\d+)\];/.exec(entry);
    expect(needs, "bin/moor.js declares NEEDS").not.toBeNull();
    expect(engines).toBe(`>=${needs?.slice(1).join(".")}`);
  });
});
