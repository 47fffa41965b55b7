import { Command } from "commander";
import { parseTarget } from "../../core/target.js";
import { planSend, sendText } from "../../core/sessions/sendText.js";
import type { CliIo } from "../io.js";
import { sendSource } from "./sendSource.js";
import { queueText, withQueueHint } from "./outbox/queueText.js";
import { examples } from "../render/examples.js";
import type { RuntimeHolder } from "../runtime.js";

interface SendOptions {
  enter: boolean;
  key?: string[];
  force?: boolean;
  queue?: boolean;
  json?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

async function readStdin(io: CliIo): Promise<Buffer> {
  if (io.stdin.isTTY) io.progress("reading the text to send from standard input; end it with Ctrl-D");
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

async function textToSend(io: CliIo, words: string[], keys: string[]): Promise<Buffer | undefined> {
  switch (sendSource(words, keys.length)) {
    case "stdin":
      return readStdin(io);
    case "words":
      return Buffer.from(words.join(" "));
    case "none":
      return undefined;
  }
}

// moor send: type into a pane without attaching, as one paste (exact bytes, never on a command line), then Enter.
export function sendCommand(runtime: RuntimeHolder): Command {
  return new Command("send")
    .description(
      "type into a pane without attaching: the text arrives exactly, as one paste, then Enter (into a known agent, once it shows the text)",
    )
    .argument("<target>", "HOST:SESSION or HOST:SESSION:WINDOW")
    .argument(
      "[text...]",
      "what to type; words are joined by single spaces; '-' or none reads standard input (sent exactly as read, final newline included)",
    )
    .option("--no-enter", "do not press Enter after the text")
    .option(
      "--key <key>",
      "press a named key after the text: Enter, Escape, Tab, Up, C-c, M-x, F5... (repeatable)",
      collect,
    )
    .option("--force", "type into an agent's input box even when it holds a half-written prompt (adds to it)")
    .option("--queue", "put it in the outbox: typed once the session is waiting and its host answers (moor outbox)")
    .option("--json", 'with --queue: print {"id","target","text","enter","queuedAt"}')
    .addHelpText(
      "after",
      `
Into a known agent (Claude Code, Codex, opencode, Gemini CLI) the text is pasted first and Enter pressed only
once the agent shows it in its input box (at most 10 s): Gemini CLI and Codex take an Enter that arrives with a
paste as part of the text. It returns 0 only once the agent took the prompt (its input box emptied, or it started
working); if not within 20 s, Enter is pressed once more, and 20 s later it is exit 6,
"typed but not submitted", with the screen's last lines. Nothing is typed (exit 6) while the agent asks a question
(use moor answer), or when its input box holds text moor did not type (a draft; --force adds to it).`,
    )
    .addHelpText(
      "after",
      examples([
        "moor send gpu1:fix-tests 'also update the changelog'",
        "moor send gpu1:fix-tests < prompt.md",
        "git diff | moor send gpu1:review --no-enter",
        "moor send gpu1:fix-tests --key C-c",
        "moor send lab:web:server --key Up --key Enter",
        "moor send --queue gpu1:fix-tests 'then run the linter'",
      ]),
    )
    .action(async (targetText: string, words: string[], options: SendOptions, command: Command) => {
      const target = parseTarget(targetText, { session: "required", window: "allowed", command: "send" });
      const keys = options.key ?? [];
      const { ctx, io } = runtime.get(command);
      const text = await textToSend(io, words, keys);
      if (options.queue) return queueText(runtime, command, { target, text, keys, ...options });
      const plan = planSend({ target, text, enter: options.enter, keys });
      await sendText(ctx, plan, { rules: ctx.rules, force: options.force === true }).catch((error: unknown) => {
        throw withQueueHint(error, targetText);
      });
    });
}
