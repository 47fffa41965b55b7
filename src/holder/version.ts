import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pkg from "../../package.json" with { type: "json" };

// moor's version and its build (the time of the file this code was loaded from: the bundle, or this module): a
// holder started from another build is "another version", so a rebuilt or upgraded moor never talks to a holder
// running the old code.
// The thin client (cli/quickClient.ts, its own small bundle) names the main bundle beside it.
export function holderVersion(file: string | URL = import.meta.url): string {
  let build: string;
  try {
    build = `+${Math.floor(statSync(fileURLToPath(file)).mtimeMs).toString(36)}`;
  } catch {
    build = "";
  }
  return `${pkg.version}${build}`;
}
