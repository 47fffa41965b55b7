import { describe, expect, it } from "vitest";

import { parseKnownHosts } from "../../../src/ssh/knownHostsParse.js";
import { hostKey, readFixture } from "./fixtures.js";

describe("parseKnownHosts", () => {
  const entries = parseKnownHosts(readFixture("known_hosts"), "/k/known_hosts");
  const byLine = (line: number) => entries.find((entry) => entry.line === line);

  it("keeps every valid line and skips comments, blanks, junk and unknown markers", () => {
    // 1 comment, 2 blank, 14 junk, 15 bad base64, 16 type not matching the blob, 17 @unknown-marker.
    expect(entries.map((entry) => entry.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });

  it("reads a plain entry with its file, line, key and comment", () => {
    expect(byLine(4)).toEqual({
      file: "/k/known_hosts",
      line: 4,
      marker: undefined,
      hosts: "[127.0.0.1]:2222",
      patterns: ["[127.0.0.1]:2222"],
      hashed: undefined,
      type: "ssh-ed25519",
      data: hostKey("ed25519_a").data,
      comment: "moor@laptop",
    });
  });

  it("splits comma-separated patterns, negations included", () => {
    expect(byLine(7)?.patterns).toEqual(["multi1", "multi2", "10.0.0.9"]);
    expect(byLine(9)?.patterns).toEqual(["*.corp", "!bad.corp"]);
  });

  it("reads the @revoked and @cert-authority markers", () => {
    expect(byLine(12)).toMatchObject({ marker: "revoked", patterns: ["*"], data: hostKey("revoked").data });
    expect(byLine(13)).toMatchObject({ marker: "cert-authority", patterns: ["*.ca.example"] });
  });

  it("reads hashed entries made by ssh-keygen -H as salt and hash", () => {
    const hashed = parseKnownHosts(readFixture("known_hosts.hashed"));
    const first = hashed.find((entry) => entry.line === 3);
    expect(first?.patterns).toEqual([]);
    expect(first?.hashed?.salt).toHaveLength(20);
    expect(first?.hashed?.hash).toHaveLength(20);
    expect(first?.file).toBeUndefined();
  });

  it("skips malformed hashed host fields", () => {
    const key = hostKey("ed25519_a");
    const text = [`|1|c2FsdA==|aGFzaA== ${key.type} ${key.base64}`, `|2|x|y ${key.type} ${key.base64}`].join("\n");
    expect(parseKnownHosts(text)).toEqual([]);
  });

  it("accepts tabs, CRLF line ends and leading spaces", () => {
    const key = hostKey("ed25519_a");
    const entries = parseKnownHosts(`  host1\t${key.type}\t${key.base64}\r\n`);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.comment).toBeUndefined();
  });
});
