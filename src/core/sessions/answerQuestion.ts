import { remoteError } from "../../errors.js";
import {
  answerKeys,
  chosenOption,
  questionOf,
  type AgentRules,
  type Choice,
  type Question,
  type QuestionOption,
} from "../../state/index.js";
import { sendKeysArgv } from "../../tmux/send.js";
import type { MoorContext } from "../moorContext.js";
import type { SessionTarget } from "../target.js";
import type { TmuxRunner } from "../overview/listHosts.js";
import { captureScreens } from "../overview/sessionStates.js";
import { readSessionState } from "../state/readSessionState.js";
import { systemClock, type Clock } from "../../clock.js";
import { formatTarget } from "../target.js";

export interface AnswerRequest {
  target: SessionTarget;
  choice: Choice;
  /** The question's id as `moor status --json` showed it: refused when the screen shows another. */
  questionId?: string | undefined;
}

/** What was answered: the question as it was on screen, and the keys typed. */
export interface AnswerResult {
  target: string;
  agent: string;
  question: Question;
  choice: Choice;
  /** The option picked (none for esc). */
  option: QuestionOption | undefined;
  keys: string[];
}

export interface AnswerDeps {
  run: TmuxRunner;
  rules: AgentRules;
  idleAfterSeconds?: number;
  time?: Clock;
  /** How long the dialog may take to close after the keys. */
  closeWithinMs?: number;
}

// Ends as soon as the dialog is gone; on a test machine with a load of 30, Gemini CLI took longer than 5 s.
const CLOSE_WITHIN_MS = 15_000;
const POLL_MS = 150;

// Whether the question answered is off the pane's screen (gone, or another one in its place) within the deadline.
async function closed(deps: AnswerDeps, paneId: string, agent: string, question: Question): Promise<boolean> {
  const time = deps.time ?? systemClock;
  const deadline = time.now() + (deps.closeWithinMs ?? CLOSE_WITHIN_MS);
  for (;;) {
    await time.sleep(POLL_MS);
    const screen = (await captureScreens(deps.run, [paneId])).get(paneId);
    if (screen === undefined || questionOf(deps.rules, agent, screen)?.id !== question.id) return true;
    if (time.now() >= deadline) return false;
  }
}

// moor answer, and watch's answer keys: checks that TARGET asks the question the caller saw, types the keys that
// pick CHOICE in its agent's dialog (agents.json "dialog"), and returns once the question has left the screen.
// Refused (exit 6, nothing typed): a program moor cannot answer, not asking, an unreadable or changed question.
export async function answerWith(deps: AnswerDeps, request: AnswerRequest): Promise<AnswerResult> {
  const label = formatTarget(request.target);
  const report = await readSessionState(deps.run, request.target, {
    rules: deps.rules,
    ...(deps.idleAfterSeconds === undefined ? {} : { idleAfterSeconds: deps.idleAfterSeconds }),
  });
  const { state } = report;
  const agent = deps.rules.agents.find((candidate) => candidate.name === state.agent);
  if (agent?.dialog === undefined)
    throw remoteError(
      `${label}: moor does not know how to answer this program; attach`,
      `moor attach ${label}, answer, then detach`,
    );
  if (state.state !== "asking")
    throw remoteError(
      `${label} is not asking (it is ${state.state}: ${state.reason}); nothing typed`,
      state.state === "waiting" ? `to give it a prompt: moor send ${label} TEXT` : `moor status ${label} shows why`,
    );
  const question = report.question;
  if (question === undefined)
    throw remoteError(
      `${label}: ${agent.label} is asking, but moor cannot read its question's options; nothing typed`,
      `moor attach ${label}, answer, then detach`,
    );
  if (request.questionId !== undefined && request.questionId !== question.id)
    throw remoteError(
      `${label}: the question on screen is ${question.id}, not ${request.questionId}: it changed; nothing typed`,
      `moor status ${label} shows the question now`,
    );
  const option = request.choice === "esc" ? undefined : chosenOption(agent.dialog, question, request.choice);
  const keys = answerKeys(agent.dialog, question, request.choice);
  await deps.run(sendKeysArgv(report.pane.id, keys));
  if (!(await closed(deps, report.pane.id, agent.name, question)))
    throw remoteError(
      `${label}: typed ${keys.join(" ")}, but the question is still open`,
      `moor peek ${label} shows the screen; moor attach ${label} to answer by hand`,
    );
  return { target: label, agent: agent.name, question, choice: request.choice, option, keys };
}

// The same, on TARGET's host through the context's tmux (the holder's warm link when one runs).
export function answerQuestion(
  ctx: MoorContext,
  request: AnswerRequest,
  options: Pick<AnswerDeps, "time" | "closeWithinMs"> = {},
): Promise<AnswerResult> {
  const label = formatTarget(request.target);
  const tmux = ctx.tmux(request.target.host);
  return answerWith(
    {
      run: (argv) => tmux.run(argv, { target: label, action: "answering the question" }),
      rules: ctx.rules,
      idleAfterSeconds: ctx.idleSeconds,
      ...options,
    },
    request,
  );
}
