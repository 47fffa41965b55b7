import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { hostRecordSchema } from "../../../src/config/hostRecord.js";
import { schemaProblem, type Schema } from "../../../src/config/jsonCheck.js";
import { SETTING_KEYS, SETTING_SPECS } from "../../../src/config/settingKeys.js";

// moor reads its files with jsonCheck and writes them with conf, which checks with ajv: the two must agree on
// every value, or a file one accepts the other refuses. Random values, built near the schemas' edges.
const SCHEMAS: [string, Schema][] = [
  ["a host record", hostRecordSchema],
  [
    "the registry",
    { type: "object", properties: { hosts: { type: "object", additionalProperties: hostRecordSchema } } },
  ],
  ...SETTING_KEYS.map((key): [string, Schema] => [`setting ${key}`, SETTING_SPECS[key].schema]),
  [
    "the mute list",
    {
      type: "object",
      additionalProperties: false,
      required: ["targets", "hosts"],
      properties: {
        targets: { type: "array", items: { type: "string", pattern: "^[^:]+:[^:]+$" } },
        hosts: { type: "array", items: { type: "string", pattern: "^[^:]+$" } },
      },
    },
  ],
];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const STRINGS = [
  "",
  "a",
  "box",
  "build.eu",
  "bad name",
  "a:b",
  ":",
  "x:y:z",
  "ü",
  "日本",
  "-x",
  "_ok",
  "on",
  "off",
  "auto",
  "asking",
  "waiting",
  "10.0.0.1",
  "a".repeat(70),
];
const NUMBERS = [0, 1, -1, 1.5, 22, 99, 100, 65535, 65536, 2 ** 31, Number.MAX_SAFE_INTEGER];
const KEYS = [
  "name",
  "hostname",
  "user",
  "port",
  "identityFile",
  "jump",
  "keepaliveIntervalMs",
  "keepaliveCountMax",
  "hosts",
  "targets",
  "x",
  "box",
];

function value(next: () => number, depth: number): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const kind = Math.floor(next() * (depth > 2 ? 5 : 7));
  switch (kind) {
    case 0:
      return pick(STRINGS);
    case 1:
      return pick(NUMBERS);
    case 2:
      return pick([true, false, null]);
    case 3:
      return pick(["working", "asking", "exited", "on"]);
    case 4:
      return pick(["box", "box:s", "a:b:c"]);
    case 5:
      return Array.from({ length: Math.floor(next() * 4) }, () => value(next, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: Math.floor(next() * 5) }, () => [pick(KEYS), value(next, depth + 1)]),
      );
  }
}

describe("jsonCheck", () => {
  it.each(SCHEMAS)("agrees with ajv on 4000 random values against %s", (_name, schema) => {
    const check = new Ajv({ allErrors: false }).compile(schema);
    const next = random(7);
    for (let round = 0; round < 4000; round++) {
      const candidate = value(next, 0);
      expect(schemaProblem(candidate, schema) === undefined, JSON.stringify(candidate)).toBe(check(candidate));
    }
  });

  it("agrees on valid records too (the random ones are mostly invalid), and says what is wrong", () => {
    const check = new Ajv().compile(hostRecordSchema);
    for (const record of [
      { name: "a", hostname: "h" },
      { name: "build.eu", hostname: "10.0.0.1", port: 2222, user: "me", keepaliveCountMax: 3 },
    ]) {
      expect(check(record)).toBe(true);
      expect(schemaProblem(record, hostRecordSchema)).toBeUndefined();
    }
    expect(schemaProblem({ name: "x", hostname: "h", port: "twenty" }, hostRecordSchema)).toBe(
      "value.port must be an integer",
    );
    expect(schemaProblem({ name: "x", hostname: "h", port: 70000 }, hostRecordSchema)).toBe(
      "value.port must be ≤ 65535",
    );
    expect(schemaProblem({ name: "x" }, hostRecordSchema)).toBe('value must have "hostname"');
    expect(schemaProblem({ name: "x", hostname: "h", secret: 1 }, hostRecordSchema)).toBe(
      'value must not have "secret"',
    );
  });
});
