import type { SessionStateReport } from "../../core/state/readSessionState.js";
import { sanitize } from "../watch/paintLine.js";
import type { Style } from "../render/style.js";
import { durationText, statePaint, stateText } from "./format.js";

// moor status --json: the session JSON's state fields, and the evidence.
export function statusJson(report: SessionStateReport) {
  const { state } = report;
  return {
    target: report.target,
    status: state.state,
    ...(state.exitCode === undefined ? {} : { exitCode: state.exitCode }),
    ...(state.exitSignal === undefined ? {} : { exitSignal: state.exitSignal }),
    agent: state.agent ?? null,
    since: new Date(state.since).toISOString(),
    reason: state.reason,
    stale: false,
    evidence: {
      rule: state.evidence.rule,
      region: state.evidence.region,
      matched: state.evidence.matched ?? null,
      lines: state.evidence.lines,
    },
    pane: report.pane,
    question:
      report.question === undefined
        ? null
        : { id: report.question.id, text: report.question.text, options: report.question.options },
  };
}

// moor status as text: the verdict, why, and the screen lines the deciding rule read.
export function formatStatus(report: SessionStateReport, nowMs: number, style: Style): string {
  const { state, pane } = report;
  const { evidence } = state;
  const lines = [
    `${report.target}  ${statePaint(state, style)(stateText(state, nowMs))}`,
    `  agent    ${state.agent ?? "none recognised"}`,
    `  since    ${new Date(state.since).toISOString()} (${durationText((nowMs - state.since) / 1000)} ago)`,
    `  reason   ${sanitize(state.reason)}`,
    `  rule     ${evidence.rule}, read from ${evidence.region}`,
    ...(evidence.matched === undefined ? [] : [`  matched  ${sanitize(evidence.matched)}`]),
    ...(pane.id === ""
      ? []
      : [
          `  pane     ${pane.id} in window ${sanitize(pane.window)}, running ${sanitize(pane.command)}${pane.title === "" ? "" : `, title ${JSON.stringify(pane.title)}`}`,
        ]),
  ];
  if (report.question !== undefined) {
    const { question } = report;
    lines.push(
      `  question ${question.text.split("\n").map(sanitize).join("\n           ")}`,
      ...question.options.map((option) => `    ${String(option.number)}. ${sanitize(option.label)}`),
      `  id       ${question.id}  (moor answer ${report.target} 1|yes|no|esc --question ${question.id})`,
    );
  }
  if (evidence.lines.length > 0)
    lines.push("  lines read:", ...evidence.lines.map((line) => style.dim(`  │ ${sanitize(line)}`)));
  return lines.join("\n");
}
