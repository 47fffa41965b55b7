import type { Command } from "commander";
import { homedir } from "node:os";
import { defaultConfigDir } from "../../config/configDir.js";
import { registeredHostNames, sshConfigAliases } from "../../config/hostNames.js";
import { readSshConfig } from "../../core/hostResolver.js";
import { listHosts } from "../../core/overview/listHosts.js";
import { formatTarget, typedHost } from "../../core/target.js";
import { scanGlobalOptions } from "../globalOptions.js";
import type { RuntimeHolder } from "../runtime.js";
import { resolveCompletion } from "./resolve.js";

// A host that does not answer costs the Tab key at most this long: then no sessions are offered.
// MOOR_COMPLETION_DEADLINE_MS changes it (a slow link, or a loaded test machine).
const SESSION_LISTING_DEADLINE_MS = 800;

function listingDeadline(env: NodeJS.ProcessEnv): number {
  const ms = Number(env.MOOR_COMPLETION_DEADLINE_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : SESSION_LISTING_DEADLINE_MS;
}

export interface CompleteContext {
  runtime: RuntimeHolder;
  command: Command;
  env: NodeJS.ProcessEnv;
  home?: string;
}

// The candidates for the last of WORDS (the words after "moor"), one a line, with the scripts'
// directives first (":files", ":nospace"); already narrowed to those that start with that word.
export async function completeWords(
  program: Command,
  words: readonly string[],
  context: CompleteContext,
): Promise<string[]> {
  const list = words.length === 0 ? [""] : words;
  const current = list.at(-1) ?? "";
  const starting = (candidates: readonly string[]): string[] =>
    candidates.filter((candidate) => candidate.startsWith(current));
  const completion = resolveCompletion(program, list);
  switch (completion.kind) {
    case "words":
      return starting(completion.words);
    case "files":
      return [":files"];
    case "hosts":
      return starting(hostNames(list, context));
    case "targets": {
      const host = typedHost(current);
      if (host === undefined) return [":nospace", ...starting(hostNames(list, context).map((name) => `${name}:`))];
      return starting(await sessionTargets(host, list, context));
    }
  }
}

// Registered hosts and ~/.ssh/config aliases, without conf: a Tab must not wait for its validator.
function hostNames(words: readonly string[], context: CompleteContext): string[] {
  const { env } = context;
  const configDir = scanGlobalOptions(words.slice(0, -1)).configDir ?? defaultConfigDir(env);
  const names = new Set([
    ...registeredHostNames(configDir),
    ...sshConfigAliases(readSshConfig(context.home ?? homedir())),
  ]);
  return [...names].sort();
}

// HOST:SESSION and HOST:SESSION:WINDOW for HOST, from one listing (through the background holder when
// the context has one), given up after the deadline; never a prompt, never a message.
async function sessionTargets(host: string, words: readonly string[], context: CompleteContext): Promise<string[]> {
  await context.runtime.load();
  const { configDir, knownHosts } = scanGlobalOptions(words.slice(0, -1));
  let ctx;
  try {
    ({ ctx } = context.runtime.get(context.command, {
      interactive: false,
      ...(configDir ? { configDir } : {}),
      ...(knownHosts ? { knownHosts } : {}),
    }));
  } catch {
    return [];
  }
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<undefined>(
    (resolve) => (timer = setTimeout(() => resolve(undefined), listingDeadline(context.env))),
  );
  try {
    const [overview] = (await Promise.race([listHosts(ctx, [host]), deadline])) ?? [];
    return (overview?.sessions ?? []).flatMap((session) => [
      formatTarget({ host, session: session.name }),
      ...session.windows.map((window) => formatTarget({ host, session: session.name, window: window.name })),
    ]);
  } catch {
    return [];
  } finally {
    clearTimeout(timer);
  }
}
