// What moor remembers about a registered host. Nothing secret: no passphrase, no key material.
export interface HostRecord {
  name: string;
  hostname: string;
  user?: string;
  port?: number;
  identityFile?: string;
  jump?: string;
  keepaliveIntervalMs?: number;
  keepaliveCountMax?: number;
}

// Host names are labels for humans and scripts: dots are fine (kept whole), spaces and ':' are not.
export const HOST_NAME_RULE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;

export const hostRecordSchema = {
  type: "object",
  additionalProperties: false,
  required: ["name", "hostname"],
  properties: {
    name: { type: "string", pattern: HOST_NAME_RULE.source },
    hostname: { type: "string", minLength: 1 },
    user: { type: "string", minLength: 1 },
    port: { type: "integer", minimum: 1, maximum: 65535 },
    identityFile: { type: "string", minLength: 1 },
    jump: { type: "string", minLength: 1 },
    keepaliveIntervalMs: { type: "integer", minimum: 100 },
    keepaliveCountMax: { type: "integer", minimum: 1 },
  },
} as const;
