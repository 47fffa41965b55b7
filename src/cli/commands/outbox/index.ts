import { Command } from "commander";
import { whatWasSent } from "../../../core/outbox/deliverOutbox.js";
import { flushOutbox, listOutbox } from "../../../core/outbox/outboxReport.js";
import { announceNow } from "../../../notify/announceNow.js";
import { deliveryChange } from "../../../notify/deliveryChange.js";
import { examples } from "../../render/examples.js";
import type { RuntimeHolder } from "../../runtime.js";
import { openOutbox } from "./openOutbox.js";
import { itemJson, outboxTable, outcomeJson, outcomeLine } from "./render.js";

const HELP = `
Prompts queued with "moor send --queue" (or a reply typed in moor watch while its host was dark) are typed exactly
once, in order per session, as soon as their host answers and their session is waiting (never into a question,
never mid-turn): by the background holder, by moor watch, or by moor outbox flush. They are kept in
<config-dir>/outbox.json (0600) across holder and laptop restarts.

JSON: ls  {"items":[{"id","target","text","enter","queuedAt","state","why"}]}
      rm  {"removed":[{"id","target","text","enter","queuedAt"}]}
      flush {"results":[{"id","target","text","enter","queuedAt","result":"sent"|"waiting"|"failed","why"?}]}
`;

const json = { flags: "--json", description: "print JSON (shapes in moor outbox --help)" };

// moor outbox [ls | rm ID… | flush]: the prompts waiting for their sessions.
export function outboxCommand(runtime: RuntimeHolder): Command {
  const outbox = new Command("outbox")
    .description("prompts queued by send --queue: list them and why they wait, remove them, or deliver them now")
    .addHelpText(
      "after",
      `${HELP}${examples([
        "moor send --queue gpu1:fix-tests 'then run the linter'",
        "moor outbox",
        "moor outbox rm q1a2b3",
        "moor outbox flush",
      ])}`,
    );
  outbox.addCommand(lsCommand(runtime), { isDefault: true });
  outbox.addCommand(rmCommand(runtime));
  outbox.addCommand(flushCommand(runtime));
  outbox.addCommand(
    new Command("serve")
      .description("type the outbox until it is empty (started by send --queue when no holder may run)")
      .addHelpText("after", examples(["moor outbox serve   # what send --queue starts in the background"]))
      .action(async (_options: unknown, command: Command) => {
        const { ctx } = runtime.get(command);
        const { serveCourier } = await import("../../../holder/outboxCourierProcess.js");
        await serveCourier(ctx, ctx.env);
      }),
    { hidden: true },
  );
  return outbox;
}

function lsCommand(runtime: RuntimeHolder): Command {
  return new Command("ls")
    .description("the queued prompts, and why each still waits (host dark, agent working, agent asking, session gone)")
    .option(json.flags, json.description)
    .addHelpText("after", examples(["moor outbox ls", "moor outbox ls --json | jq -r '.items[].why'"]))
    .action(async (options: { json?: boolean }, command: Command) => {
      const { ctx, io } = runtime.get(command);
      const waiting = await listOutbox(ctx, openOutbox(ctx));
      if (options.json)
        return io.json({ items: waiting.map(({ item, state, why }) => itemJson(item, { state, why })) });
      if (waiting.length === 0) return io.info("the outbox is empty");
      io.print(outboxTable(waiting, Date.now()));
    });
}

function rmCommand(runtime: RuntimeHolder): Command {
  return new Command("rm")
    .description("remove queued prompts (an unknown id is exit 5)")
    .argument("<id...>", "ids from moor outbox ls")
    .option(json.flags, json.description)
    .addHelpText("after", examples(["moor outbox rm q1a2b3", "moor outbox rm q1a2b3 q4c5d6"]))
    .action((ids: string[], options: { json?: boolean }, command: Command) => {
      const { ctx, io } = runtime.get(command);
      const removed = openOutbox(ctx).remove(ids);
      if (options.json) return io.json({ removed: removed.map((item) => itemJson(item)) });
      for (const item of removed) io.print(`removed ${item.id} (to ${item.target})`);
    });
}

function flushCommand(runtime: RuntimeHolder): Command {
  return new Command("flush")
    .description("look at each queued session now and type its next prompt if it is waiting; report each")
    .option(json.flags, json.description)
    .addHelpText("after", examples(["moor outbox flush", "moor outbox flush --json"]))
    .action(async (options: { json?: boolean }, command: Command) => {
      const { ctx, io } = runtime.get(command);
      const outcomes = await flushOutbox(ctx, openOutbox(ctx));
      const sent = outcomes.filter((outcome) => outcome.kind === "sent");
      const at = Date.now();
      for (const problem of await announceNow(
        ctx.settings.read(),
        io.env,
        sent.map((outcome) => deliveryChange({ ...whatWasSent(outcome), at })),
      ))
        io.warn(`notification failed: ${problem}`);
      if (options.json) return io.json({ results: outcomes.map(outcomeJson) });
      if (outcomes.length === 0) return io.info("the outbox is empty");
      for (const outcome of outcomes) io.print(outcomeLine(outcome));
    });
}
