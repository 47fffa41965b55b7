// `npm pack` / `npm publish` run this first (prepack): the tarball ships the bundle built from the
// sources being packed. In a fresh clone the build tools are not installed yet, so it installs them.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const run = (args: string[]): void => void execFileSync("npm", args, { cwd: root, stdio: ["ignore", 2, 2] });
if (!existsSync(join(root, "node_modules", "esbuild"))) {
  console.error("prepack: installing the build tools first (npm ci)");
  run(["ci", "--no-audit", "--no-fund"]);
}
run(["run", "--silent", "build"]);
