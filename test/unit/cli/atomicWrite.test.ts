import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../../src/cli/atomicWrite.js";

const folder = (): string => mkdtempSync(join(tmpdir(), "moor-atomic-"));
const mode = (file: string): number => statSync(file).mode & 0o777;

describe("writeFileAtomic", () => {
  // Failed before the fix: the temporary file was created 0644 (0666 less the umask) and renamed over the 0600 one.
  it("keeps the mode of the file it replaces, exactly, and leaves no temporary file", async () => {
    const dir = folder();
    for (const bits of [0o600, 0o640, 0o664]) {
      const file = join(dir, `f${bits.toString(8)}`);
      writeFileSync(file, "old\n");
      chmodSync(file, bits);
      await writeFileAtomic(file, "new\n");
      expect([readFileSync(file, "utf8"), mode(file)]).toEqual(["new\n", bits]);
    }
    expect(readdirSync(dir).sort()).toEqual(["f600", "f640", "f664"]);
  });

  it("creates a new file as a plain write would, and writes through a symbolic link", async () => {
    const dir = folder();
    await writeFileAtomic(join(dir, "new.txt"), "x");
    expect(mode(join(dir, "new.txt"))).toBe(0o666 & ~process.umask());
    writeFileSync(join(dir, "real.txt"), "old");
    chmodSync(join(dir, "real.txt"), 0o600);
    symlinkSync("real.txt", join(dir, "link.txt"));
    await writeFileAtomic(join(dir, "link.txt"), "via link");
    expect([readFileSync(join(dir, "real.txt"), "utf8"), mode(join(dir, "real.txt"))]).toEqual(["via link", 0o600]);
  });

  it("fails with exit 2 naming the file, and writes nothing, when the folder does not exist", async () => {
    const file = join(folder(), "no-such-dir", "x.txt");
    await expect(writeFileAtomic(file, "x")).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining(`could not write ${file}: ENOENT`) as string,
    });
  });
});
