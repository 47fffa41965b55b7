import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { MoorError, ExitCode } from "../../errors.js";

// Writes a local file so that readers see the old content or the whole new one, never half a file: the data goes
// to a temporary file beside it (same filesystem), which is then renamed over it.
export async function writeFileAtomic(file: string, data: string | Buffer): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.moor-${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temp, data, { flag: "wx" });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw new MoorError(`could not write ${file}: ${(error as Error).message}`, ExitCode.usage, {
      hint: "check that its folder exists, is writable and has space; nothing was written",
      cause: error,
    });
  }
}
