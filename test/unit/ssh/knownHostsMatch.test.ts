import { describe, expect, it } from "vitest";

import { entriesForHost } from "../../../src/ssh/hostKeyCheck.js";
import {
  hashedNameMatches,
  hostKeyLookupName,
  matchPattern,
  matchPatternList,
} from "../../../src/ssh/knownHostsMatch.js";
import { parseKnownHosts } from "../../../src/ssh/knownHostsParse.js";
import { readFixture } from "./fixtures.js";

describe("hostKeyLookupName", () => {
  it("is the bare host on port 22 and [host]:port otherwise", () => {
    expect(hostKeyLookupName("box1.example", 22)).toBe("box1.example");
    expect(hostKeyLookupName("127.0.0.1", 2222)).toBe("[127.0.0.1]:2222");
    expect(hostKeyLookupName("::1", 2222)).toBe("[::1]:2222");
  });
});

describe("matchPattern", () => {
  it.each([
    ["box1", "box1", true],
    ["box1", "box", false],
    ["box1", "box?", true],
    ["box12", "box?", false],
    ["a.corp", "*.corp", true],
    ["corp", "*.corp", false],
    ["anything", "*", true],
    ["", "*", true],
    ["abcabc", "*abc", true],
    ["aXbYc", "a*b*c", true],
    ["aXbY", "a*b*c", false],
    ["[x.jump]:2200", "[*.jump]:2200", true],
  ])("%s against %s is %s", (text, pattern, expected) => {
    expect(matchPattern(text, pattern)).toBe(expected);
  });
});

describe("matchPatternList", () => {
  it("lets a matching negation win over any positive match", () => {
    expect(matchPatternList("a.corp", ["*.corp", "!bad.corp"])).toBe("match");
    expect(matchPatternList("bad.corp", ["*.corp", "!bad.corp"])).toBe("negated");
    expect(matchPatternList("bad.corp", ["!bad.corp"])).toBe("negated");
    expect(matchPatternList("other", ["!bad.corp"])).toBe("none");
  });

  it("compares host names case-insensitively", () => {
    expect(matchPatternList("BOX1.example", ["box1.EXAMPLE"])).toBe("match");
  });
});

describe("hashedNameMatches", () => {
  it("is HMAC-SHA1 keyed by the salt", () => {
    const [entry] = parseKnownHosts(readFixture("known_hosts.hashed").split("\n").slice(2, 3).join("\n"));
    expect(entry?.hashed).toBeDefined();
    if (entry?.hashed === undefined) return;
    expect(hashedNameMatches("box1.example", entry.hashed.salt, entry.hashed.hash)).toBe(true);
    expect(hashedNameMatches("box2.example", entry.hashed.salt, entry.hashed.hash)).toBe(false);
    expect(hashedNameMatches("box1.example", Buffer.alloc(20, 1), entry.hashed.hash)).toBe(false);
  });
});

// ssh-keygen -F also lists @revoked lines and lines whose key does not parse; those are not host entries.
describe.each(["known_hosts", "known_hosts.hashed"])("lookups in %s agree with ssh-keygen -F", (file) => {
  const entries = parseKnownHosts(readFixture(file), file);
  const hostLines = new Set(entries.filter((entry) => entry.marker === undefined).map((entry) => entry.line));
  const lookups =
    (JSON.parse(readFixture("known_hosts.lookups.json")) as Record<string, Record<string, number[]>>)[file] ?? {};

  it.each(Object.entries(lookups))("%s", (name, keygenLines) => {
    const bracketed = /^\[(.+)\]:(\d+)$/.exec(name);
    const [host, port] = bracketed ? [bracketed[1] ?? "", Number(bracketed[2])] : [name, 22];
    const found = entriesForHost(entries, host, port).map((entry) => entry.line);
    if (port === 22 && bracketed) {
      // "[h]:22" is not how OpenSSH looks up port 22 (only the bare name is), so it finds no host line.
      expect(keygenLines.filter((line) => hostLines.has(line))).toEqual([]);
      return;
    }
    expect(found).toEqual(keygenLines.filter((line) => hostLines.has(line)));
  });

  it("finds something for the names that are in the file", () => {
    expect(entriesForHost(entries, "box1.example", 22)).toHaveLength(1);
    expect(entriesForHost(entries, "127.0.0.1", 2222)).toHaveLength(1);
  });
});
