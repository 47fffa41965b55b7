import { randomBytes } from "node:crypto";
import { open, realpath, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { usageError } from "../errors.js";

// The permission bits of the file being replaced, so a private file stays private; undefined for a new file.
async function existingMode(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

// The folder's entry for the rename is on disk too; some filesystems cannot sync a folder, which loses nothing else.
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, "r").catch(() => undefined);
  await handle?.sync().catch(() => undefined);
  await handle?.close();
}

// Writes a local file so that readers see the old content or the whole new one, never half a file: the data goes
// to a temporary file beside it (same filesystem), synced, given the old file's mode, then renamed over it. Not
// `atomically`: it creates missing folders (an -o into a folder that does not exist must fail) and retries EACCES.
export async function writeFileAtomic(file: string, data: string | Buffer): Promise<void> {
  const target = await realpath(file).catch(() => file);
  const temp = join(dirname(target), `.${basename(target)}.moor-${randomBytes(4).toString("hex")}.tmp`);
  try {
    const mode = await existingMode(target);
    const handle = await open(temp, "wx", mode ?? 0o666);
    try {
      await handle.writeFile(data);
      // open's mode passes through the umask; the old file's bits are kept exactly.
      if (mode !== undefined) await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    await syncFolder(dirname(target));
  } catch (error) {
    await rm(temp, { force: true });
    throw usageError(`could not write ${file}: ${(error as Error).message}`, {
      hint: "check that its folder exists, is writable and has space; nothing was written",
      cause: error,
    });
  }
}
