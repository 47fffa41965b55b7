import { describe, expect, it } from "vitest";

import { checkHostKey, hostKeyAlgorithmsFor, keyTypeFamily, knownKeyTypesFor } from "../../../src/ssh/hostKeyCheck.js";
import { parseKnownHosts } from "../../../src/ssh/knownHostsParse.js";
import { hostKey, readFixture } from "./fixtures.js";

describe.each(["known_hosts", "known_hosts.hashed"])("checkHostKey with %s", (file) => {
  const entries = parseKnownHosts(readFixture(file), file);
  const edA = hostKey("ed25519_a");
  const edB = hostKey("ed25519_b");

  it("knows the recorded key of a plain or hashed host", () => {
    const check = checkHostKey(entries, "box1.example", 22, edA);
    expect(check.status).toBe("known");
    expect(check.status === "known" && check.entry.line).toBe(3);
  });

  it("knows a [host]:port entry only on that port", () => {
    expect(checkHostKey(entries, "127.0.0.1", 2222, edA).status).toBe("known");
    expect(checkHostKey(entries, "127.0.0.1", 2223, edA).status).toBe("unknown");
  });

  it("reports a different key of the same type as changed, with the lines it expected", () => {
    const check = checkHostKey(entries, "box1.example", 22, edB);
    expect(check.status).toBe("changed");
    expect(check.status === "changed" && check.expected.map((entry) => entry.line)).toEqual([3]);
  });

  it("calls a host known only by its rsa key, offering ed25519, unknown rather than changed", () => {
    expect(checkHostKey(entries, "rsaonly.example", 22, edA)).toEqual({ status: "unknown" });
    expect(checkHostKey(entries, "rsaonly.example", 22, hostKey("rsa")).status).toBe("known");
  });

  it("port 22 and another port of one address are separate hosts", () => {
    // 127.0.0.1 (port 22) is known by rsa only; [127.0.0.1]:2222 by ed25519.
    expect(checkHostKey(entries, "127.0.0.1", 22, edA)).toEqual({ status: "unknown" });
    expect(checkHostKey(entries, "127.0.0.1", 2222, edB).status).toBe("changed");
  });

  it("refuses a revoked key for any host, known or not", () => {
    const revoked = hostKey("revoked");
    for (const [host, port] of [
      ["box1.example", 22],
      ["nowhere.example", 22],
      ["10.9.9.9", 2222],
    ] as const) {
      const check = checkHostKey(entries, host, port, revoked);
      expect(check.status).toBe("revoked");
      expect(check.status === "revoked" && check.entry.marker).toBe("revoked");
    }
  });

  it("follows wildcards and negations", () => {
    expect(checkHostKey(entries, "a.corp", 22, edA).status).toBe("known");
    expect(checkHostKey(entries, "bad.corp", 22, edA).status).toBe("unknown");
    expect(checkHostKey(entries, "web1.example", 22, edA).status).toBe("known");
    expect(checkHostKey(entries, "web12.example", 22, edA).status).toBe("unknown");
    expect(checkHostKey(entries, "x.jump", 2200, edA).status).toBe("known");
    expect(checkHostKey(entries, "x.jump", 22, edA).status).toBe("unknown");
  });

  it("matches any name of a comma-separated list", () => {
    expect(checkHostKey(entries, "multi2", 22, hostKey("ecdsa")).status).toBe("known");
    expect(checkHostKey(entries, "10.0.0.9", 22, hostKey("ecdsa")).status).toBe("known");
  });

  it("ignores @cert-authority lines for plain host keys", () => {
    expect(checkHostKey(entries, "x.ca.example", 22, edB)).toEqual({ status: "unknown" });
  });

  it("compares host names case-insensitively", () => {
    expect(checkHostKey(entries, "MIXED.case.example", 22, edA).status).toBe("known");
  });

  it("lists the key types recorded for a host", () => {
    expect(knownKeyTypesFor(entries, "box1.example", 22)).toEqual(["ssh-ed25519"]);
    expect(knownKeyTypesFor(entries, "127.0.0.1", 22)).toEqual(["ssh-rsa"]);
    expect(knownKeyTypesFor(entries, "multi1", 22)).toEqual(["ecdsa-sha2-nistp256"]);
    expect(knownKeyTypesFor(entries, "nowhere.example", 22)).toEqual([]);
    expect(knownKeyTypesFor(entries, "x.ca.example", 22)).toEqual([]);
  });
});

describe("checkHostKey with several keys for one host", () => {
  const edA = hostKey("ed25519_a");
  const edB = hostKey("ed25519_b");
  const rsa = hostKey("rsa");
  const text = [`box ${edA.type} ${edA.base64}`, `box ${rsa.type} ${rsa.base64}`, `box ${edB.type} ${edB.base64}`].join(
    "\n",
  );
  const entries = parseKnownHosts(text, "kh");

  it("accepts any recorded key and lists each type once", () => {
    expect(checkHostKey(entries, "box", 22, edB).status).toBe("known");
    expect(knownKeyTypesFor(entries, "box", 22)).toEqual(["ssh-ed25519", "ssh-rsa"]);
  });

  it("expects every recorded key of the offered type when none matches", () => {
    const check = checkHostKey(entries, "box", 22, hostKey("revoked"));
    expect(check.status === "changed" && check.expected.map((entry) => entry.line)).toEqual([1, 3]);
  });
});

describe("keyTypeFamily", () => {
  it("counts a certificate as its plain key type", () => {
    expect(keyTypeFamily("ssh-ed25519-cert-v01@openssh.com")).toBe("ssh-ed25519");
    expect(keyTypeFamily("ssh-rsa")).toBe("ssh-rsa");
  });
});

describe("hostKeyAlgorithmsFor", () => {
  it.each([
    [["ssh-ed25519"], ["ssh-ed25519"]],
    [["ecdsa-sha2-nistp256"], ["ecdsa-sha2-nistp256"]],
    [["ssh-rsa"], ["rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"]],
    [
      ["ssh-rsa", "ssh-ed25519"],
      ["ssh-ed25519", "rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"],
    ],
    [["ssh-ed25519", "ssh-ed25519"], ["ssh-ed25519"]],
  ])("%j -> %j (ssh2's preference order)", (types, algorithms) => {
    expect(hostKeyAlgorithmsFor(types)).toEqual(algorithms);
  });

  it("leaves ssh2's default when nothing is known or nothing ssh2 can verify", () => {
    expect(hostKeyAlgorithmsFor([])).toBeUndefined();
    expect(hostKeyAlgorithmsFor(["sk-ssh-ed25519@openssh.com"])).toBeUndefined();
  });

  it("offers only names ssh2 supports", async () => {
    const { createRequire } = await import("node:module");
    const constants = createRequire(import.meta.url)("ssh2/lib/protocol/constants.js") as {
      SUPPORTED_SERVER_HOST_KEY: string[];
    };
    const all = hostKeyAlgorithmsFor([
      "ssh-ed25519",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "ssh-rsa",
      "ssh-dss",
    ]);
    expect(all).toEqual(constants.SUPPORTED_SERVER_HOST_KEY);
  });
});
