import { createHmac } from "node:crypto";

import type { KnownHostEntry } from "./knownHostsParse.js";

// OpenSSH host-pattern matching (match.c), shared by known_hosts and ~/.ssh/config `Host` lines.

export type PatternListMatch = "match" | "negated" | "none";

/** The name known_hosts records a host under: "host" on port 22, "[host]:port" otherwise. */
export function hostKeyLookupName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** `*` matches any run of characters, `?` exactly one; everything else literally. */
export function matchPattern(text: string, pattern: string): boolean {
  let t = 0;
  let p = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    const pc = pattern[p];
    if (pc === "*") {
      starP = p++;
      starT = t;
    } else if (pc !== undefined && (pc === "?" || pc === text[t])) {
      p++;
      t++;
    } else if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (pattern[p] === "*") p++;
  return p === pattern.length;
}

/**
 * A list of patterns where `!pattern` excludes: any matching negation wins over every positive match,
 * as in OpenSSH's match_pattern_list. Host names compare case-insensitively.
 */
export function matchPatternList(name: string, patterns: readonly string[]): PatternListMatch {
  const text = name.toLowerCase();
  let matched = false;
  for (const raw of patterns) {
    const negated = raw.startsWith("!");
    const pattern = (negated ? raw.slice(1) : raw).toLowerCase();
    if (!matchPattern(text, pattern)) continue;
    if (negated) return "negated";
    matched = true;
  }
  return matched ? "match" : "none";
}

/** A `|1|salt|hash` known_hosts name matches when HMAC-SHA1(salt, name) equals hash. */
export function hashedNameMatches(name: string, salt: Buffer, hash: Buffer): boolean {
  const digest = createHmac("sha1", salt).update(name.toLowerCase()).digest();
  return digest.equals(hash);
}

/** Whether a known_hosts line names this host; `name` is what hostKeyLookupName returns. */
export function entryMatchesName(entry: KnownHostEntry, name: string): boolean {
  if (entry.hashed !== undefined) return hashedNameMatches(name, entry.hashed.salt, entry.hashed.hash);
  return matchPatternList(name, entry.patterns) === "match";
}
