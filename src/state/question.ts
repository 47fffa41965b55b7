import { usageError } from "../errors.js";
import { shortHash } from "../text/shortHash.js";
import type { AgentRules, Dialog } from "./agentRules.js";
import { regionLines } from "./screenRegion.js";

/** One option of a question, numbered as `moor answer` takes it. */
export interface QuestionOption {
  number: number;
  label: string;
}

/** The question an asking agent shows: what `moor status` prints and `moor answer` checks. */
export interface Question {
  /** Changes whenever the text or the options do (not when the highlight moves). */
  id: string;
  text: string;
  options: QuestionOption[];
  /** The highlighted option's number, when the screen shows one. */
  selected: number | undefined;
}

/** What `moor answer` was asked to pick. */
export type Choice = number | "yes" | "no" | "esc";

interface Found extends QuestionOption {
  at: number;
  selected: boolean;
}

// Box borders and the space around them: "│ Allow execution of [Shell]?   │" reads "Allow execution of [Shell]?".
const unframe = (line: string): string => line.replace(/^[\s│┃|]+/u, "").replace(/[\s│┃|]+$/u, "");

// The last run 1, 2, 3… of option lines; a line that is not an option between two of them continues the label
// above (a long label wraps), at most two such lines.
function optionLines(option: RegExp, lines: readonly string[]): Found[] {
  const found: Found[] = [];
  lines.forEach((line, at) => {
    const groups = option.exec(line)?.groups;
    if (groups?.label === undefined) return;
    const number = groups.number === undefined ? undefined : Number(groups.number);
    found.push({ at, number: number ?? found.length + 1, label: unframe(groups.label), selected: !!groups.selected });
  });
  const start = found.findLastIndex((candidate) => candidate.number === 1);
  if (start === -1) return [];
  const run: Found[] = [];
  for (const candidate of found.slice(start)) {
    const last = run.at(-1);
    if (last !== undefined && (candidate.number !== last.number + 1 || candidate.at - last.at > 3)) break;
    if (last !== undefined)
      last.label = [last.label, ...lines.slice(last.at + 1, candidate.at).map(unframe)].filter(Boolean).join(" ");
    run.push(candidate);
  }
  return run;
}

// All options on one line ("Allow once   Allow always   Reject"), numbered from the left.
function rowOptions(row: RegExp, lines: readonly string[]): Found[] {
  for (let at = lines.length - 1; at >= 0; at -= 1) {
    const options = row.exec(lines[at] ?? "")?.groups?.options;
    if (options === undefined) continue;
    const labels = options
      .split(/\s{2,}/u)
      .map((label) => label.trim())
      .filter(Boolean);
    return labels.map((label, index) => ({ at, number: index + 1, label, selected: false }));
  }
  return [];
}

// The question an agent's dialog shows on SCREEN (its visible rows), read by its dialog rule; undefined when the
// screen shows no options.
export function readQuestion(dialog: Dialog, screen: readonly string[]): Question | undefined {
  const { lines } = regionLines(dialog.region, screen, "", undefined);
  const found =
    dialog.option !== undefined ? optionLines(dialog.option, lines) : rowOptions(dialog.row ?? /$^/u, lines);
  const first = found[0];
  if (first === undefined) return undefined;
  let top = first.at - 1;
  while (top > 0 && !dialog.question.some((pattern) => pattern.test(lines[top] ?? ""))) top -= 1;
  if (top < 0 || !dialog.question.some((pattern) => pattern.test(lines[top] ?? ""))) top = Math.max(0, first.at - 1);
  const text = lines
    .slice(top, first.at)
    .map(unframe)
    .filter((line) => line !== "")
    .join("\n");
  const options = found.map(({ number, label }) => ({ number, label }));
  const id = shortHash(JSON.stringify([text, options])).slice(0, 12);
  return { id, text, options, selected: found.find((option) => option.selected)?.number };
}

// The question the agent named AGENT shows on SCREEN, by its own dialog rule (undefined: none, or no rule).
export function questionOf(
  rules: AgentRules,
  agent: string | undefined,
  screen: readonly string[],
): Question | undefined {
  const dialog = rules.agents.find((candidate) => candidate.name === agent)?.dialog;
  return dialog === undefined ? undefined : readQuestion(dialog, screen);
}

// "1".."99", yes, no or esc (any case); anything else is exit 2 before any connection.
export function parseChoice(text: string): Choice {
  const word = text.trim().toLowerCase();
  if (word === "yes" || word === "y") return "yes";
  if (word === "no" || word === "n") return "no";
  if (word === "esc" || word === "escape") return "esc";
  if (/^\d{1,2}$/u.test(word)) return Number(word);
  throw usageError(
    `answer: CHOICE must be an option's number, yes, no or esc, got ${JSON.stringify(text)}`,
    `"moor status TARGET" shows the question and its options`,
  );
}

const optionsText = (question: Question): string =>
  question.options.map((option) => `${String(option.number)} ${JSON.stringify(option.label)}`).join(", ");

// The option a choice picks: its number, or the first option whose label reads as yes (or no).
export function chosenOption(dialog: Dialog, question: Question, choice: Exclude<Choice, "esc">): QuestionOption {
  const option =
    typeof choice === "number"
      ? question.options.find((candidate) => candidate.number === choice)
      : question.options.find((candidate) => (choice === "yes" ? dialog.yes : dialog.no).test(candidate.label));
  if (option !== undefined) return option;
  const what = typeof choice === "number" ? `no option ${String(choice)}` : `no option that means ${choice}`;
  throw usageError(`answer: the question has ${what}; its options are ${optionsText(question)}`, `pick one of them`);
}

// The tmux keys that answer QUESTION with CHOICE in this agent's dialog.
export function answerKeys(dialog: Dialog, question: Question, choice: Choice): string[] {
  if (choice === "esc") return ["Escape"];
  const option = chosenOption(dialog, question, choice);
  if (dialog.pick === "digit" && option.number <= 9) return [String(option.number)];
  const delta = option.number - (question.selected ?? 1);
  const moves = Array.from({ length: Math.abs(delta) }, () => (delta < 0 ? dialog.prev : dialog.next));
  return [...moves, dialog.confirm];
}
