import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { HostRecord } from "../config/hostRecord.js";
import type { HostStore } from "../config/hostStore.js";
import { resolveSshConfigHost } from "../config/sshConfig.js";
import type { ConnectSpec } from "../link/types.js";
import { notFoundError } from "../errors.js";

export interface ResolverEnv {
  store: HostStore;
  home: string;
  localUser: string;
  /** The text of ~/.ssh/config, or undefined when there is none. */
  sshConfigText?: string;
}

// A dead link is noticed after interval × (count + 1): about 6 s, like OpenSSH with 2 × 2.
const DEFAULT_KEEPALIVE = { intervalMs: 2_000, countMax: 2 } as const;

// Turns what the user typed (a registered name, an ~/.ssh/config alias, or [user@]host[:port] for a
// jump) into everything needed to connect. Unknown everywhere: exit 5.
export function resolveHost(name: string, env: ResolverEnv, seen: string[] = []): ConnectSpec {
  const spec = lookupHost(name, env, seen);
  if (spec) return spec;
  throw notFoundError(
    `unknown host "${name}": not registered with moor and not an alias in ~/.ssh/config`,
    `register it with: moor host add ${name} user@hostname`,
  );
}

// A registered host (or one about to be registered) as a ConnectSpec; its jump chain is resolved like ssh -J.
export function specFromRecord(record: HostRecord, env: ResolverEnv, seen: string[] = [record.name]): ConnectSpec {
  return {
    label: record.name,
    hostname: record.hostname,
    port: record.port ?? 22,
    user: record.user ?? env.localUser,
    identityFiles: record.identityFile ? [record.identityFile] : [],
    keepaliveIntervalMs: record.keepaliveIntervalMs ?? DEFAULT_KEEPALIVE.intervalMs,
    keepaliveCountMax: record.keepaliveCountMax ?? DEFAULT_KEEPALIVE.countMax,
    ...(record.jump ? { jump: resolveJumpChain(record.jump, env, seen) } : {}),
  };
}

// A registered name first, then an ~/.ssh/config alias; undefined when it is neither.
function lookupHost(name: string, env: ResolverEnv, seen: string[]): ConnectSpec | undefined {
  if (seen.includes(name))
    throw notFoundError(`jump host loop: ${[...seen, name].join(" -> ")}`, "fix the ProxyJump/--jump settings");
  const record = env.store.get(name);
  if (record) return specFromRecord(record, env, [...seen, name]);
  const alias =
    env.sshConfigText === undefined
      ? undefined
      : resolveSshConfigHost(name, env.sshConfigText, { home: env.home, user: env.localUser });
  if (!alias) return undefined;
  return {
    label: name,
    hostname: alias.hostname,
    port: alias.port ?? 22,
    user: alias.user ?? env.localUser,
    identityFiles: alias.identityFiles,
    keepaliveIntervalMs: alias.serverAliveInterval ? alias.serverAliveInterval * 1000 : DEFAULT_KEEPALIVE.intervalMs,
    keepaliveCountMax: alias.serverAliveCountMax ?? DEFAULT_KEEPALIVE.countMax,
    ...(alias.proxyJump ? { jump: resolveJumpChain(alias.proxyJump, env, [...seen, name]) } : {}),
  };
}

// A jump is a registered name, an alias, or else a literal [user@]host[:port] as ssh -J takes it. Errors in
// resolving a known name (a loop, a bad hop further down) are not hidden behind the literal reading.
function resolveJump(text: string, env: ResolverEnv, seen: string[]): ConnectSpec {
  const known = lookupHost(text, env, seen);
  if (known) return known;
  const match = /^(?:([^@]+)@)?(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(text);
  if (!match?.[2])
    throw notFoundError(
      `cannot read the jump host "${text}"`,
      "write it as [user@]host[:port] or a registered host name",
    );
  return {
    label: text,
    hostname: match[2].replace(/^\[|\]$/g, ""),
    port: match[3] ? Number(match[3]) : 22,
    user: match[1] ?? env.localUser,
    identityFiles: [],
    keepaliveIntervalMs: DEFAULT_KEEPALIVE.intervalMs,
    keepaliveCountMax: DEFAULT_KEEPALIVE.countMax,
  };
}

// "a,b" (as in ssh -J) reaches b through a: the last hop is the one the target is reached through.
function resolveJumpChain(chain: string, env: ResolverEnv, seen: string[]): ConnectSpec {
  let previous: ConnectSpec | undefined;
  for (const hop of chain
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const spec = resolveJump(hop, env, seen);
    previous = previous ? { ...spec, jump: previous } : spec;
  }
  if (!previous) throw notFoundError(`empty jump host list "${chain}"`);
  return previous;
}

export function readSshConfig(home: string): string | undefined {
  try {
    return readFileSync(join(home, ".ssh", "config"), "utf8");
  } catch {
    return undefined;
  }
}
