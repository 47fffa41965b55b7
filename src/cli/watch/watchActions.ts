import type { MoorContext } from "../../core/moorContext.js";
import { parseTarget } from "../../core/target.js";
import type { Outbox } from "../../core/outbox/outbox.js";
import { isStale, type WatchSnapshot } from "../../core/overview/watchTypes.js";
import { answerQuestion } from "../../core/sessions/answerQuestion.js";
import { planSend, sendText } from "../../core/sessions/sendText.js";
import { ExitCode, isMoorError } from "../../errors.js";
import { questionOf, type Choice } from "../../state/question.js";
import { answerText } from "../commands/answer.js";
import type { WatchViewDeps } from "./watchView.js";

// What watch's keys do to a session, through the same use cases as moor answer, moor send and send --queue.
export function watchActions(
  ctx: MoorContext,
  outbox: Outbox,
  latest: () => WatchSnapshot | undefined,
): Required<Pick<WatchViewDeps, "questionOf" | "answer" | "reply">> {
  return {
    questionOf: (session) => questionOf(ctx.rules, session.state.agent, session.lines),
    answer: async (target: string, choice: Choice, questionId: string | undefined) =>
      answerText(
        await answerQuestion(ctx, {
          target: parseTarget(target, { session: "required", window: "allowed", command: "answer" }),
          choice,
          questionId,
        }),
      ),
    reply: async (target: string, text: string) => {
      const parsed = parseTarget(target, { session: "required", window: "allowed", command: "send" });
      const host = latest()?.hosts.find((candidate) => candidate.host === parsed.host);
      const queue = (why: string): string => {
        const item = outbox.add({ target, text: Buffer.from(text), enter: true });
        return `queued ${item.id} for ${target} (${why}): typed once it is back and waiting`;
      };
      if (host !== undefined && isStale(host)) return queue("its host is dark");
      try {
        const plan = planSend({ target: parsed, text: Buffer.from(text), enter: true, keys: [] });
        await sendText(ctx, plan, { rules: ctx.rules });
      } catch (error) {
        if (isMoorError(error) && error.exitCode === ExitCode.unreachable && !/dropped while/.test(error.message))
          return queue("its host did not answer");
        throw error;
      }
      return `sent to ${target}`;
    },
  };
}
