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
    expect(uniqueHosts(resolveTargets(ctx, []))).toEqual(["gpu1", "lab"]);
    const named = [{ host: "lab" }, { host: "gpu1", session: "a" }, { host: "lab", session: "b" }];
    expect(resolveTargets(ctx, named)).toEqual(named);
    expect(uniqueHosts(resolveTargets(ctx, named))).toEqual(["lab", "gpu1"]);
  });

  it("refuses an unknown host with exit 5", () => {
    const ctx = context();
    expect(() => resolveTargets(ctx, [{ host: "gpu1" }, { host: "nowhere" }])).toThrow(
      expect.objectContaining({ exitCode: 5 }),
    );
  });
});
