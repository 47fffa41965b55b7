import { globSync, readFileSync } from "node:fs";
import { hostname as localHostname } from "node:os";
import { isAbsolute, join } from "node:path";

import { usageError } from "../errors.js";
import { matchPattern, matchPatternList } from "../ssh/knownHostsMatch.js";
import { splitConfigLine } from "./sshConfigLine.js";

// Resolving an alias from ~/.ssh/config as `ssh -G` would, for the settings moor uses.
// First obtained value wins; IdentityFile accumulates; Host patterns take `*`, `?` and `!`; Include is
// read (relative to ~/.ssh, globbed); Match is evaluated for all/host/originalhost/user/localuser and a
// Match with any other criterion (exec, canonical, final, localnetwork, tagged) is treated as not matching.

export interface SshConfigHost {
  hostname: string;
  user?: string;
  port?: number;
  /** Paths with `~` and %-tokens expanded, in config order, without repeats. */
  identityFiles: string[];
  proxyJump?: string;
  identitiesOnly?: boolean;
  userKnownHostsFile?: string;
  serverAliveInterval?: number;
  serverAliveCountMax?: number;
}

export interface SshConfigOptions {
  /** The local home directory (%d, `~`, and where relative Include paths live: ~/.ssh). */
  home: string;
  /** The local user name (%u, and the remote user when none is set). */
  user: string;
}

interface Resolution {
  alias: string;
  options: SshConfigOptions;
  /** The first value of each keyword (lowercase), as written. */
  values: Map<string, string[]>;
  identityFiles: string[];
  /** A Host line other than a bare wildcard matched the alias. */
  named: boolean;
}

const MAX_INCLUDE_DEPTH = 16;

/** The alias's settings, or undefined when only wildcard blocks apply to it and it sets no HostName. */
export function resolveSshConfigHost(
  alias: string,
  configText: string,
  options: SshConfigOptions,
): SshConfigHost | undefined {
  const state: Resolution = { alias: alias.toLowerCase(), options, values: new Map(), identityFiles: [], named: false };
  readConfig(state, configText, { active: true, neverMatch: false, depth: 0 });
  const hostnameValue = first(state, "hostname");
  if (!state.named && hostnameValue === undefined) return undefined;
  return settings(state, hostnameValue);
}

interface Scope {
  active: boolean;
  /** Inside a file included from an inactive block: nothing in it applies. */
  neverMatch: boolean;
  depth: number;
}

function readConfig(state: Resolution, text: string, scope: Scope): void {
  let active = scope.active;
  for (const line of text.split("\n")) {
    const parsed = splitConfigLine(line);
    if (parsed === undefined) continue;
    const { keyword, args } = parsed;
    if (keyword === "host") active = !scope.neverMatch && hostLineMatches(state, args);
    else if (keyword === "match") active = !scope.neverMatch && matchLineMatches(state, args);
    else if (keyword === "include")
      readIncludes(state, args, { ...scope, active, neverMatch: scope.neverMatch || !active });
    else if (active) record(state, keyword, args);
  }
}

function record(state: Resolution, keyword: string, args: string[]): void {
  if (keyword === "identityfile") {
    const path = args[0];
    if (path !== undefined && !state.identityFiles.includes(path)) state.identityFiles.push(path);
  } else if (!state.values.has(keyword)) {
    state.values.set(keyword, args);
  }
}

function readIncludes(state: Resolution, args: string[], scope: Scope): void {
  if (scope.depth >= MAX_INCLUDE_DEPTH) {
    throw usageError("~/.ssh/config: Include nested too deeply", { hint: "look for an Include loop" });
  }
  for (const arg of args) {
    const pattern = expandTilde(arg, state.options.home);
    const absolute = isAbsolute(pattern) ? pattern : join(state.options.home, ".ssh", pattern);
    for (const file of globSync(absolute).sort()) {
      const text = readIncluded(file);
      if (text !== undefined) readConfig(state, text, { ...scope, depth: scope.depth + 1 });
    }
  }
}

function readIncluded(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined; // a directory or an unreadable file, as OpenSSH skips them
  }
}

// Host patterns compare case-sensitively against the lowercased alias, as in OpenSSH.
function hostLineMatches(state: Resolution, patterns: string[]): boolean {
  let matched = false;
  let named = false;
  for (const raw of patterns) {
    const negated = raw.startsWith("!");
    const pattern = negated ? raw.slice(1) : raw;
    if (!matchPattern(state.alias, pattern)) continue;
    if (negated) return false;
    matched = true;
    named ||= /[^*?]/.test(pattern);
  }
  state.named ||= named;
  return matched;
}

function matchLineMatches(state: Resolution, args: string[]): boolean {
  let matches = true;
  for (let i = 0; i < args.length; i++) {
    const raw = (args[i] ?? "").toLowerCase();
    const negated = raw.startsWith("!");
    const criterion = negated ? raw.slice(1) : raw;
    if (criterion === "all") continue;
    const value = args[++i];
    const subject = value === undefined ? undefined : matchSubject(state, criterion);
    if (value === undefined || subject === undefined) return false;
    const hit = matchPatternList(subject, value.split(",")) === "match";
    if (hit === negated) matches = false;
  }
  return matches;
}

// What each supported Match criterion compares against, given the values obtained so far.
function matchSubject(state: Resolution, criterion: string): string | undefined {
  switch (criterion) {
    case "host":
      return expandHostname(first(state, "hostname"), state.alias);
    case "originalhost":
      return state.alias;
    case "user":
      return first(state, "user") ?? state.options.user;
    case "localuser":
      return state.options.user;
    default:
      return undefined;
  }
}

function settings(state: Resolution, hostnameValue: string | undefined): SshConfigHost {
  const hostname = expandHostname(hostnameValue, state.alias);
  const user = first(state, "user");
  const port = numberValue(state, "port", 1, 65_535);
  const tokens = {
    d: state.options.home,
    h: hostname,
    i: String(process.getuid?.() ?? ""),
    l: localHostname(),
    L: localHostname().split(".")[0] ?? "",
    n: state.alias,
    p: String(port ?? 22),
    r: user ?? state.options.user,
    u: state.options.user,
  };
  const expandPath = (path: string): string => expandTokens(expandTilde(path, state.options.home), tokens);
  const proxyJump = first(state, "proxyjump");
  const knownHosts = first(state, "userknownhostsfile");
  const identitiesOnly = first(state, "identitiesonly");
  const interval = numberValue(state, "serveraliveinterval", 0, 86_400);
  const countMax = numberValue(state, "serveralivecountmax", 0, 1_000);
  return {
    hostname,
    ...(user === undefined ? {} : { user }),
    ...(port === undefined ? {} : { port }),
    identityFiles: state.identityFiles.map(expandPath),
    ...(proxyJump === undefined || proxyJump.toLowerCase() === "none" ? {} : { proxyJump }),
    ...(identitiesOnly === undefined ? {} : { identitiesOnly: /^(yes|true)$/i.test(identitiesOnly) }),
    ...(knownHosts === undefined ? {} : { userKnownHostsFile: expandPath(knownHosts) }),
    ...(interval === undefined ? {} : { serverAliveInterval: interval }),
    ...(countMax === undefined ? {} : { serverAliveCountMax: countMax }),
  };
}

function first(state: Resolution, keyword: string): string | undefined {
  return state.values.get(keyword)?.[0];
}

function numberValue(state: Resolution, keyword: string, min: number, max: number): number | undefined {
  const text = first(state, keyword);
  if (text === undefined) return undefined;
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= min && value <= max)) {
    throw usageError(`~/.ssh/config: bad ${keyword} value "${text}" for ${state.alias}`, {
      hint: `${keyword} takes a whole number from ${min} to ${max}`,
    });
  }
  return value;
}

function expandHostname(value: string | undefined, alias: string): string {
  return value === undefined ? alias : expandTokens(value, { h: alias }).toLowerCase();
}

function expandTilde(path: string, home: string): string {
  if (path === "~") return home;
  return path.startsWith("~/") ? join(home, path.slice(2)) : path;
}

// %% is a percent sign; a token moor does not know (%C, %k, %j) is left as written.
function expandTokens(text: string, tokens: Record<string, string>): string {
  return text.replace(/%(.)/g, (whole, token: string) => (token === "%" ? "%" : (tokens[token] ?? whole)));
}
