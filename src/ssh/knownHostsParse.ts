import { keyBlobType } from "./fingerprint.js";

// Reading known_hosts lines the way OpenSSH does, skipping whatever it would not understand.

type KnownHostMarker = "revoked" | "cert-authority";

export interface KnownHostEntry {
  /** The file the line came from, for messages ("FILE:LINE"). */
  readonly file: string | undefined;
  /** 1-based line number. */
  readonly line: number;
  readonly marker: KnownHostMarker | undefined;
  /** The host field as written. */
  readonly hosts: string;
  /** Comma-separated host patterns of a plain entry; empty for a hashed one. */
  readonly patterns: readonly string[];
  /** Salt and HMAC-SHA1 of a `|1|salt|hash` entry. */
  readonly hashed: { readonly salt: Buffer; readonly hash: Buffer } | undefined;
  readonly type: string;
  readonly data: Buffer;
  readonly comment: string | undefined;
}

const MARKERS: Record<string, KnownHostMarker> = { "@revoked": "revoked", "@cert-authority": "cert-authority" };
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Every usable line of a known_hosts file; comments, blank lines and junk are skipped, never fatal. */
export function parseKnownHosts(text: string, file?: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  text.split("\n").forEach((raw, index) => {
    const entry = parseLine(raw, index + 1, file);
    if (entry !== undefined) entries.push(entry);
  });
  return entries;
}

function parseLine(raw: string, line: number, file: string | undefined): KnownHostEntry | undefined {
  const fields = raw.trim().split(/[ \t]+/);
  if (fields[0] === undefined || fields[0] === "" || fields[0].startsWith("#")) return undefined;
  let marker: KnownHostMarker | undefined;
  if (fields[0].startsWith("@")) {
    marker = MARKERS[fields[0]];
    if (marker === undefined) return undefined;
    fields.shift();
  }
  const [hosts, type, base64, ...rest] = fields;
  if (hosts === undefined || type === undefined || base64 === undefined || !BASE64.test(base64)) return undefined;
  const data = Buffer.from(base64, "base64");
  if (keyBlobType(data) !== type) return undefined;
  const hashed = hosts.startsWith("|") ? parseHashedHost(hosts) : undefined;
  if (hosts.startsWith("|") && hashed === undefined) return undefined;
  const patterns = hashed === undefined ? hosts.split(",").filter((p) => p !== "") : [];
  const comment = rest.length > 0 ? rest.join(" ") : undefined;
  return { file, line, marker, hosts, patterns, hashed, type, data, comment };
}

function parseHashedHost(hosts: string): KnownHostEntry["hashed"] {
  const [empty, magic, salt, hash, extra] = hosts.split("|");
  if (empty !== "" || magic !== "1" || salt === undefined || hash === undefined || extra !== undefined) {
    return undefined;
  }
  const saltBytes = Buffer.from(salt, "base64");
  const hashBytes = Buffer.from(hash, "base64");
  if (saltBytes.length !== 20 || hashBytes.length !== 20) return undefined;
  return { salt: saltBytes, hash: hashBytes };
}
