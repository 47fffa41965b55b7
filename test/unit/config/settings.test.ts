import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, SETTING_SPECS, SettingsStore, isMuted, readSettings } from "../../../src/config/settings.js";
import { ExitCode, MoorError } from "../../../src/errors.js";

const freshDir = (): string => mkdtempSync(join(tmpdir(), "moor-settings-"));

function readError(dir: string): MoorError {
  try {
    readSettings(dir);
  } catch (error) {
    return error as MoorError;
  }
  throw new Error("readSettings did not throw");
}

describe("readSettings", () => {
  it("gives the defaults without creating a file", () => {
    const dir = freshDir();
    const settings = readSettings(dir);
    expect(settings.persist).toBe(10);
    expect(settings.idle).toBe(30);
    expect(settings["notify.states"]).toEqual(["asking", "waiting", "exited"]);
    expect(settings["notify.command"]).toBeUndefined();
    expect(settings.mute).toEqual({ targets: [], hosts: [] });
    expect(settings.set).toEqual([]);
    expect(existsSync(join(dir, "settings.json"))).toBe(false);
  });

  it.each([
    ["not JSON", "{ persist: oops"],
    ["a wrong type", JSON.stringify({ persist: "ten" })],
    ["a value not allowed", JSON.stringify({ "notify.desktop": "maybe" })],
    ["an unknown key", JSON.stringify({ persistence: 3 })],
    ["a broken mute list", JSON.stringify({ mute: { hosts: "gpu1" } })],
  ])("reports %s naming the file, exit 2, and leaves it as it was", (_what, content) => {
    const dir = freshDir();
    const file = join(dir, "settings.json");
    writeFileSync(file, content);
    const error = readError(dir);
    expect(error).toBeInstanceOf(MoorError);
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(error.message).toContain(file);
    expect(() => new SettingsStore(dir).set("persist", 3)).toThrow(file);
    expect(readFileSync(file, "utf8")).toBe(content);
  });
});

describe("SettingsStore", () => {
  it("sets and unsets typed values in a 0600 file beside hosts.json", () => {
    const dir = freshDir();
    const store = new SettingsStore(dir);
    store.set("persist", 3);
    store.set("notify.states", ["asking"]);
    store.set("notify.command", "logger moor");
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(store.path, "utf8"))).toMatchObject({
      persist: 3,
      "notify.states": ["asking"],
      "notify.command": "logger moor",
    });
    const settings = readSettings(dir);
    expect(settings.persist).toBe(3);
    expect(settings.set.sort()).toEqual(["notify.command", "notify.states", "persist"]);
    expect(store.unset("persist")).toBe(true);
    expect(store.unset("persist")).toBe(false);
    expect(readSettings(dir).persist).toBe(DEFAULT_SETTINGS.persist);
  });

  it("mutes and unmutes sessions and hosts", () => {
    const dir = freshDir();
    const store = new SettingsStore(dir);
    expect(store.mute("gpu1:agent")).toBe(true);
    expect(store.mute("gpu1:agent")).toBe(false);
    expect(store.mute("lab")).toBe(true);
    const { mute } = readSettings(dir);
    expect(mute).toEqual({ targets: ["gpu1:agent"], hosts: ["lab"] });
    expect(isMuted(mute, "gpu1", "agent")).toBe(true);
    expect(isMuted(mute, "gpu1", "other")).toBe(false);
    expect(isMuted(mute, "lab", "anything")).toBe(true);
    expect(store.unmute("lab")).toBe(true);
    expect(store.unmute("lab")).toBe(false);
    expect(readSettings(dir).mute.hosts).toEqual([]);
  });
});

describe("SETTING_SPECS", () => {
  it.each([
    ["notify.terminal", "on", "on"],
    ["notify.desktop", "auto", "auto"],
    ["notify.background", "on", "on"],
    ["notify.states", "asking, exited,asking", ["asking", "exited"]],
    ["persist", "0", 0],
    ["idle", "45", 45],
    ["notify.command", "notify-me --now", "notify-me --now"],
  ] as const)("%s accepts %j", (key, text, value) => {
    expect(SETTING_SPECS[key].parse(text)).toEqual({ value });
  });

  it.each([
    ["notify.terminal", "yes", "auto, on, off"],
    ["notify.background", "auto", "on, off"],
    ["notify.states", "asking,busy", "not busy"],
    ["notify.states", "", "comma-separated"],
    ["persist", "-1", "0 to 1440"],
    ["persist", "1.5", "whole number"],
    ["idle", "0", "1 to 86400"],
    ["notify.command", "  ", "unset"],
  ] as const)("%s refuses %j naming what is allowed", (key, text, named) => {
    const result = SETTING_SPECS[key].parse(text);
    expect(result).toHaveProperty("error");
    expect((result as { error: string }).error).toContain(named);
  });
});
