import { describe, expect, it } from "vitest";
import { scanGlobalOptions } from "../../../src/cli/globalOptions.js";

describe("scanGlobalOptions", () => {
  it("finds each global option in both forms, before or after the command, and keeps the rest in order", () => {
    expect(scanGlobalOptions(["--config-dir", "/c", "ls", "gpu1", "--known-hosts=/k", "-v"])).toEqual({
      configDir: "/c",
      knownHosts: "/k",
      verbose: true,
      incomplete: false,
      rest: ["ls", "gpu1"],
    });
    expect(scanGlobalOptions(["peek", "--verbose", "--config-dir=/c", "h:s"])).toEqual({
      configDir: "/c",
      verbose: true,
      incomplete: false,
      rest: ["peek", "h:s"],
    });
  });

  it("takes the next word as the value, even one that starts with '-', as commander does", () => {
    expect(scanGlobalOptions(["--config-dir", "-v", "ls"])).toMatchObject({ configDir: "-v", verbose: false });
  });

  it("stops at a standalone --: what follows belongs to the remote command", () => {
    expect(scanGlobalOptions(["new", "h:s", "--", "claude", "-v", "--config-dir", "x"])).toEqual({
      verbose: false,
      incomplete: false,
      rest: ["new", "h:s", "--", "claude", "-v", "--config-dir", "x"],
    });
  });

  it("says when an option has no value or an empty one", () => {
    expect(scanGlobalOptions(["ls", "--config-dir"])).toMatchObject({ incomplete: true, rest: ["ls"] });
    expect(scanGlobalOptions(["--known-hosts=", "ls"])).toMatchObject({ incomplete: true, rest: ["ls"] });
    expect(scanGlobalOptions(["ls", "--config-dirx"])).toMatchObject({
      incomplete: false,
      rest: ["ls", "--config-dirx"],
    });
  });
});
