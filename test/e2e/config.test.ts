import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeWorld, moor } from "../support/cli.js";

describe("moor config", () => {
  it("lists the defaults, sets, gets and unsets checked values", async () => {
    const world = makeWorld();
    const fresh = await moor(world, ["config", "list", "--json"]);
    expect(fresh.code).toBe(0);
    expect(JSON.parse(fresh.stdout)).toEqual({
      "notify.terminal": "auto",
      "notify.desktop": "auto",
      "notify.command": null,
      "notify.states": ["asking", "waiting", "exited"],
      "notify.background": "off",
      persist: 10,
      idle: 30,
    });
    expect(await moor(world, ["config", "set", "persist", "3"])).toMatchObject({ code: 0, stderr: "" });
    expect(await moor(world, ["config", "set", "notify.states", "asking,exited"])).toMatchObject({ code: 0 });
    expect(await moor(world, ["config", "get", "persist"])).toMatchObject({ code: 0, stdout: "3\n" });
    expect(await moor(world, ["config", "get", "notify.states"])).toMatchObject({ code: 0, stdout: "asking,exited\n" });
    const table = await moor(world, ["config"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^persist\s+3\s+set$/m);
    expect(table.stdout).toMatch(/^idle\s+30\s+default$/m);
    expect(await moor(world, ["config", "unset", "persist"])).toMatchObject({ code: 0 });
    expect(await moor(world, ["config", "get", "persist"])).toMatchObject({ code: 0, stdout: "10\n" });
  });

  it("refuses a bad key or value with exit 2 naming the allowed ones, and changes nothing", async () => {
    const world = makeWorld();
    const badKey = await moor(world, ["config", "set", "notify.sound", "on"]);
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toContain(
      "notify.terminal, notify.desktop, notify.command, notify.states, notify.background, persist, idle",
    );
    const badValue = await moor(world, ["config", "set", "notify.desktop", "yes"]);
    expect(badValue.code).toBe(2);
    expect(badValue.stderr).toContain("auto, on, off");
    const badNumber = await moor(world, ["config", "set", "idle", "soon"]);
    expect(badNumber.code).toBe(2);
    expect(badNumber.stderr).toContain("1 to 86400");
    expect((await moor(world, ["config", "get", "nope"])).code).toBe(2);
    expect(JSON.parse((await moor(world, ["config", "list", "--json"])).stdout)).toMatchObject({
      "notify.desktop": "auto",
      idle: 30,
    });
  });

  it("reports a corrupted settings file naming it, and leaves it untouched", async () => {
    const world = makeWorld();
    expect((await moor(world, ["config", "set", "idle", "5"])).code).toBe(0);
    const file = join(world.configDir, "settings.json");
    writeFileSync(file, "{ idle: ");
    const run = await moor(world, ["config", "set", "idle", "6"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(file);
    expect(readFileSync(file, "utf8")).toBe("{ idle: ");
  });
});

describe("moor mute", () => {
  it("mutes and unmutes sessions and hosts, and lists them", async () => {
    const world = makeWorld();
    expect(await moor(world, ["mute", "gpu1:agent"])).toMatchObject({ code: 0, stderr: "moor: muted gpu1:agent\n" });
    expect(await moor(world, ["mute", "lab"])).toMatchObject({ code: 0 });
    expect(await moor(world, ["mute"])).toMatchObject({ code: 0, stdout: "lab\ngpu1:agent\n" });
    expect(await moor(world, ["unmute", "lab"])).toMatchObject({ code: 0, stderr: "moor: unmuted lab\n" });
    expect(await moor(world, ["unmute", "lab"])).toMatchObject({ code: 0, stderr: "moor: lab was not muted\n" });
    expect(await moor(world, ["mute"])).toMatchObject({ code: 0, stdout: "gpu1:agent\n" });
  });

  it("refuses a bad session name or a window with exit 2", async () => {
    const world = makeWorld();
    expect((await moor(world, ["mute", "gpu1:bad.name"])).code).toBe(2);
    expect((await moor(world, ["mute", "gpu1:agent:win"])).code).toBe(2);
    expect((await moor(world, ["unmute"])).code).toBe(2);
  });
});
