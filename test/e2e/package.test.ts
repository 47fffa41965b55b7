import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBox, type Box } from "../support/box.js";
import { makeWorld } from "../support/cli.js";
import {
  installGlobally,
  nodeBinary,
  packWorkingTree,
  packageJson,
  runInstalled,
} from "../support/installedPackage.js";

const pkg = packageJson();
const oldest = /^>=(\d+\.\d+\.\d+)$/.exec(pkg.engines.node)?.[1] ?? "";
const SHIPPED = [
  "package/README.md",
  "package/bin/moor.js",
  "package/dist/THIRD_PARTY_LICENSES.txt",
  "package/dist/moor.js",
  "package/dist/quick.js",
  "package/package.json",
];

let scratch: string;
let tarball: string;
let prefix: string;
let box: Box;

// The machine's own Node when it is too old for moor (Debian 12 ships 20), else one fetched from the registry.
function oldNode(): string {
  const system = "/usr/bin/node";
  if (existsSync(system)) {
    const major = Number(
      execFileSync(system, ["-p", "process.versions.node.split('.')[0]"], { encoding: "utf8" }).trim(),
    );
    if (major < Number(oldest.split(".")[0])) return system;
  }
  return nodeBinary("20.19.0");
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "moor-pack-"));
  box = await startBox();
  tarball = packWorkingTree(scratch);
  prefix = installGlobally(tarball);
});

afterAll(async () => {
  await box?.stop();
  for (const dir of [scratch, prefix]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the package", () => {
  it("npm pack ships the bundle it builds, and nothing else", () => {
    expect(oldest, `engines.node is ">=X.Y.Z": ${pkg.engines.node}`).not.toBe("");
    const files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).trim().split("\n").sort();
    expect(files).toEqual(SHIPPED);
    expect(statSync(tarball).size).toBeLessThan(1024 * 1024);
  });

  it("npm install -g of the tarball gives a moor that prints its version and help, with no dependency installed", async () => {
    expect(existsSync(join(prefix, "lib/node_modules/moor/node_modules"))).toBe(false);
    const world = makeWorld();
    const current = dirname(process.execPath);
    const version = await runInstalled(prefix, current, ["--version"], world.env);
    expect(version).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
    const help = await runInstalled(prefix, current, ["--help"], world.env);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: moor /);
  });

  it(`runs on the oldest Node it claims (engines ${pkg.engines.node}) and on this one, against a real box`, async () => {
    for (const nodeDir of [dirname(nodeBinary(oldest)), dirname(process.execPath)]) {
      const world = makeWorld();
      execFileSync("sh", ["-c", `cat >> "$1"`, "sh", world.knownHosts], { input: `${box.knownHostsLine(box.port)}\n` });
      const version = await runInstalled(prefix, nodeDir, ["--version"], world.env);
      expect(version, nodeDir).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
      const add = await runInstalled(
        prefix,
        nodeDir,
        ["host", "add", "box", `${box.user}@${box.host}`, "-p", String(box.port), "-i", box.privateKeyPath],
        world.env,
      );
      expect(add.code, `${nodeDir}: ${add.stderr}`).toBe(0);
      const test = await runInstalled(prefix, nodeDir, ["host", "test", "box", "--json"], world.env);
      expect(test.code, `${nodeDir}: ${test.stderr}`).toBe(0);
      expect((JSON.parse(test.stdout) as { tmux: string }).tmux).toMatch(/^tmux 3\./);
    }
  });

  it("an older Node gets one line naming the Node it needs, and exit 2", async () => {
    const node = oldNode();
    const have = execFileSync(node, ["--version"], { encoding: "utf8" }).trim();
    for (const args of [["--help"], ["ls"]]) {
      const run = await runInstalled(prefix, dirname(node), args, makeWorld().env);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(
        new RegExp(`^moor needs Node ≥ ${oldest.replaceAll(".", "\\.")} \\(this is ${have}\\); [^\\n]+\\n$`),
      );
      expect(run.code).toBe(2);
    }
  });
});
