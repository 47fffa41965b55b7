import { usageError } from "../../errors.js";
import type { MoorContext } from "../moorContext.js";
import { parseTarget, type Target } from "../names.js";

// The hosts a command covers: those named (each must resolve, else exit 5 before any connection), or every
// registered host. Targets are parsed and validated first (exit 2), duplicates dropped, order kept.
export function resolveTargets(
  ctx: MoorContext,
  texts: readonly string[],
  allowSessions: boolean,
  command: string,
): Target[] {
  const targets = texts.map((text) => parseTarget(text));
  const withSession = targets.find((target) => target.session !== undefined);
  if (!allowSessions && withSession) {
    throw usageError(
      `moor ${command} takes host names, got ${JSON.stringify(`${withSession.host}:${withSession.session ?? ""}`)}`,
      `write "moor ${command} ${withSession.host}"`,
    );
  }
  for (const target of targets) ctx.resolve(target.host);
  if (targets.length > 0) return targets;
  return ctx.store.list().map((record) => ({ host: record.name }));
}

// Each host once, in the order first named: one link and one poll per host however many targets name it.
export function uniqueHosts(targets: readonly Target[]): string[] {
  return [...new Set(targets.map((target) => target.host))];
}
