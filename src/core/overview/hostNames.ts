import type { MoorContext } from "../moorContext.js";
import type { Target } from "../target.js";

// The hosts a command covers: those named (each must resolve, else exit 5 before any connection), or every
// registered host. The targets come parsed (exit 2 already given for a bad one).
export function resolveTargets(ctx: MoorContext, targets: readonly Target[]): Target[] {
  for (const target of targets) ctx.resolve(target.host);
  if (targets.length > 0) return [...targets];
  return ctx.store.list().map((record) => ({ host: record.name }));
}

// Each host once, in the order first named: one link and one poll per host however many targets name it.
export function uniqueHosts(targets: readonly Target[]): string[] {
  return [...new Set(targets.map((target) => target.host))];
}
