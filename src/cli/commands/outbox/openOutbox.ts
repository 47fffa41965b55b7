import type { MoorContext } from "../../../core/moorContext.js";
import { Outbox } from "../../../core/outbox/outbox.js";
import { outboxFile } from "../../../core/outbox/outboxFile.js";
import { processAlive } from "../../../holder/processAlive.js";

// The config dir's outbox, whose claims by dead moors are told apart from live ones by pid.
export const openOutbox = (ctx: MoorContext): Outbox => new Outbox(outboxFile(ctx.configDir), { alive: processAlive });
