import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { MoorRun } from "./cli.js";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

// The package as a user gets it: `npm pack` run in a copy of the working tree (tracked and new
// files, as a fresh clone has them), so its prepack builds the bundle without touching this tree's dist/.
export function packWorkingTree(into: string): string {
  const copy = join(into, "clone");
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: REPO,
    encoding: "utf8",
  })
    .split("\0")
    .filter((file) => file !== "");
  for (const file of files) {
    try {
      cpSync(join(REPO, file), join(copy, file), { recursive: false });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error; // deleted in the work tree, not yet committed
    }
  }
  symlinkSync(join(REPO, "node_modules"), join(copy, "node_modules"));
  const out = join(into, "tarballs");
  mkdirSync(out);
  const report = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--pack-destination", out], {
      cwd: copy,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    }),
  ) as { filename: string }[];
  return join(out, report[0]?.filename ?? "");
}

// `npm install -g TARBALL` into a throwaway prefix; returns the prefix (its bin/ holds `moor`).
export function installGlobally(tarball: string): string {
  const prefix = mkdtempSync(join(tmpdir(), "moor-prefix-"));
  execFileSync("npm", ["install", "-g", "--offline", "--no-audit", "--no-fund", "--prefix", prefix, tarball], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  return prefix;
}

// The path of a Node binary of exactly VERSION (fetched once from the npm registry's `node` package).
export function nodeBinary(version: string): string {
  return execFileSync("bash", [join(REPO, "docker/provision-node.sh"), version], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
}

export function packageJson(): { name: string; version: string; engines: { node: string } } {
  return JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as {
    name: string;
    version: string;
    engines: { node: string };
  };
}

// Runs the installed `moor` as a shell would: found on PATH, started by its #! line with the first `node` on PATH.
export function runInstalled(
  prefix: string,
  nodeDir: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<MoorRun> {
  const path = [nodeDir, join(prefix, "bin"), "/usr/bin", "/bin"].join(delimiter);
  return new Promise((resolvePromise, reject) => {
    const child = spawn("moor", args, { env: { ...env, PATH: path }, stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString() });
    });
  });
}
