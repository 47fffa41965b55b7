import { Command } from "commander";
import { parseTarget } from "../../core/target.js";
import { answerQuestion, type AnswerResult } from "../../core/sessions/answerQuestion.js";
import { parseChoice } from "../../state/question.js";
import { examples } from "../render/examples.js";
import type { RuntimeHolder } from "../runtime.js";
import { sanitize } from "../watch/paintLine.js";

const HELP = `
It reads the question on the agent's screen (as moor status shows it), types the keys that pick CHOICE in that
agent's dialog (agents.json "dialog": a digit, or arrows then Enter), and returns once the dialog has closed.
Nothing is typed (exit 6) when the session is not asking, or when --question names a question that is no longer
on screen. CHOICE: an option's number, yes (the first option that reads as yes), no, or esc (dismiss).

JSON (--json): {"target","agent","question":{"id","text","options":[{"number","label"}]},"choice","option":{"number","label"}|null,"keys":[...]}
`;

function answerJson(result: AnswerResult) {
  const { question } = result;
  return {
    target: result.target,
    agent: result.agent,
    question: { id: question.id, text: question.text, options: question.options },
    choice: result.choice,
    option: result.option ?? null,
    keys: result.keys,
  };
}

// "answered 1 (Yes) on gpu1:fix-tests": what moor answer and watch's answer keys say they did.
export function answerText(result: AnswerResult): string {
  if (result.option === undefined) return `dismissed the question on ${result.target} (esc)`;
  return `answered ${String(result.option.number)} (${sanitize(result.option.label)}) on ${result.target}`;
}

// moor answer: pick an option of the question an asking agent shows, without attaching.
export function answerCommand(runtime: RuntimeHolder): Command {
  return new Command("answer")
    .description("answer the question an asking agent shows: an option's number, yes, no or esc")
    .argument("<target>", "HOST:SESSION or HOST:SESSION:WINDOW")
    .argument("<choice>", "an option's number, yes, no or esc")
    .option("--question <id>", "only if the question on screen is still this one (the id moor status --json shows)")
    .option("--json", "print JSON (shape below)")
    .addHelpText(
      "after",
      `${HELP}${examples([
        "moor status gpu1:fix-tests",
        "moor answer gpu1:fix-tests 1",
        "moor answer gpu1:fix-tests yes --question 3f9a0c2b71d4",
        "moor answer gpu1:fix-tests esc",
      ])}`,
    )
    .action(
      async (
        targetText: string,
        choiceText: string,
        options: { question?: string; json?: boolean },
        command: Command,
      ) => {
        const target = parseTarget(targetText, { session: "required", window: "allowed", command: "answer" });
        const choice = parseChoice(choiceText);
        const { ctx, io } = runtime.get(command);
        const result = await answerQuestion(ctx, { target, choice, questionId: options.question });
        if (options.json) io.json(answerJson(result));
        else io.print(answerText(result));
      },
    );
}
