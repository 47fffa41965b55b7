// `npm run build`: bundles the CLI into dist/moor.js (what the package ships and the e2e
// tests run), beside the licences of the libraries bundled into it. Run by Node's own type stripping.
import { build, type BuildOptions, type Metafile } from "esbuild";
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const dist = join(root, "dist");
export const ENTRY = "src/cli/main.ts";
/** The thin client bin/moor.js tries first (--version, and commands the background holder runs whole). */
export const QUICK_ENTRY = "src/cli/quickClient.ts";

// Bundled CommonJS libraries (ssh2) use require() and __dirname, which an ES module does not have.
const commonJsShim = [
  'import { createRequire as __moorCreateRequire } from "node:module";',
  "const require = __moorCreateRequire(import.meta.url);",
  "const __filename = import.meta.filename;",
  "const __dirname = import.meta.dirname;",
].join(" ");

export const bundleOptions = {
  absWorkingDir: root,
  entryPoints: { moor: ENTRY, quick: QUICK_ENTRY },
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22.12",
  banner: { js: commonJsShim },
  // ssh2's optional native addons: left out, so ssh2 uses Node's own crypto (as it does wherever
  // npm did not run its install script); their require() fails at run time and ssh2 catches it.
  external: ["*.node", "cpu-features"],
  legalComments: "none",
  metafile: true,
  logLevel: "warning",
} satisfies BuildOptions;

export async function bundle(): Promise<Metafile> {
  rmSync(dist, { recursive: true, force: true });
  const { metafile } = await build(bundleOptions);
  writeFileSync(join(dist, "THIRD_PARTY_LICENSES.txt"), thirdPartyLicences(metafile));
  return metafile;
}

// The files evaluated when the bundle starts: everything the entry reaches by static imports.
// What only an `await import()` reaches is wrapped by esbuild and evaluated on first use.
export function loadedAtStart(metafile: Metafile, entry = ENTRY): Set<string> {
  const seen = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imported of metafile.inputs[file]?.imports ?? []) {
      if (imported.kind !== "dynamic-import" && !imported.external) pending.push(imported.path);
    }
  }
  return seen;
}

// The licence text of every package whose code is in the bundle (MIT and ISC ask for their notice to travel with the code).
function thirdPartyLicences(metafile: Metafile): string {
  const packages = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match?.[1]) packages.add(match[1]);
  }
  const sections: string[] = [];
  for (const dir of [...packages].sort()) {
    const meta = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")) as {
      name: string;
      version: string;
      license?: string;
    };
    const file = readdirSync(join(root, dir)).find((name) => /^(licen[cs]e|copying)/i.test(name));
    const text = file
      ? readFileSync(join(root, dir, file), "utf8").trim()
      : `License: ${meta.license ?? "see the package"}`;
    sections.push(`${meta.name}@${meta.version}\n\n${text}\n`);
  }
  return `moor bundles these packages into dist/moor.js.\n\n${sections.join(`\n${"-".repeat(72)}\n\n`)}`;
}

if (import.meta.main) {
  const metafile = await bundle();
  const bytes = metafile.outputs["dist/moor.js"]?.bytes ?? 0;
  console.log(`dist/moor.js: ${(bytes / 1024).toFixed(0)} KiB`);
}
