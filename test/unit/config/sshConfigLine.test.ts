import { describe, expect, it } from "vitest";

import { splitConfigLine } from "../../../src/config/sshConfigLine.js";

describe("splitConfigLine", () => {
  it.each([
    ["Host a b", { keyword: "host", args: ["a", "b"] }],
    ["  HostName\texample.com  ", { keyword: "hostname", args: ["example.com"] }],
    ["Port=22", { keyword: "port", args: ["22"] }],
    ["Port = 22", { keyword: "port", args: ["22"] }],
    ["User= me", { keyword: "user", args: ["me"] }],
    ['IdentityFile "/a b/c"', { keyword: "identityfile", args: ["/a b/c"] }],
    ["IdentityFile '/a b/c'", { keyword: "identityfile", args: ["/a b/c"] }],
    ['IdentityFile "/a \\" b"', { keyword: "identityfile", args: ['/a " b'] }],
    ["IdentityFile /a\\ b", { keyword: "identityfile", args: ["/a b"] }],
    ["Host a # a comment", { keyword: "host", args: ["a"] }],
    ["Host a#b", { keyword: "host", args: ["a#b"] }],
    ["Port 22\r", { keyword: "port", args: ["22"] }],
  ])("%j", (line, expected) => {
    expect(splitConfigLine(line)).toEqual(expected);
  });

  it.each(["", "   ", "# comment", "  # indented comment", "Host", "Host # nothing"])("%j is nothing", (line) => {
    expect(splitConfigLine(line)).toBeUndefined();
  });
});
