import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveTargets, uniqueHosts } from "../../../../src/core/overview/hostNames.js";
import { MoorContext } from "../../../../src/core/moorContext.js";

function context(): MoorContext {
  const home = mkdtempSync(join(tmpdir(), "moor-overview-"));
  const ctx = new MoorContext({ configDir: join(home, "config"), home, env: { USER: "me" } });
  ctx.store.put({ name: "gpu1", hostname: "gpu1.example.com" });
  ctx.store.put({ name: "lab", hostname: "10.0.0.5" });
  return ctx;
}

describe("resolveTargets", () => {
  it("defaults to every registered host, keeps the order given, and drops duplicates", () => {
    const ctx = context();
    expect(uniqueHosts(resolveTargets(ctx, [], false, "ls"))).toEqual(["gpu1", "lab"]);
    expect(uniqueHosts(resolveTargets(ctx, ["lab", "gpu1:a", "lab:b"], true, "watch"))).toEqual(["lab", "gpu1"]);
  });

  it("refuses an unknown host (5), a session where only hosts are taken (2), and a bad name (2)", () => {
    const ctx = context();
    expect(() => resolveTargets(ctx, ["gpu1", "nowhere"], false, "ls")).toThrow(
      expect.objectContaining({ exitCode: 5 }),
    );
    expect(() => resolveTargets(ctx, ["gpu1:agent"], false, "ls")).toThrow(
      expect.objectContaining({ exitCode: 2, message: 'moor ls takes host names, got "gpu1:agent"' }),
    );
    expect(() => resolveTargets(ctx, ["gpu1:bad.name"], true, "watch")).toThrow(
      expect.objectContaining({ exitCode: 2 }),
    );
  });
});
