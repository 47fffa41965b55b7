import { isStale, type HostView, type WatchedSession, type WatchSnapshot } from "../../core/overview/watchTypes.js";
import type { Style } from "../render/style.js";
import { agoText, statePaint, stateText } from "../overview/format.js";
import { cellWidth, fit } from "../../text/cells.js";
import { paintLine, sanitize, type Segment } from "./paintLine.js";
import { linkText, type Tone } from "./linkText.js";
import { renderPeek } from "./peekPanel.js";
import { renderQuestion, type QuestionOf } from "./questionPanel.js";
import { effectiveSelection, sessionKey, type ViewState } from "./viewState.js";

export interface FrameOptions {
  width: number;
  height: number;
  /** Epoch ms. */
  now: number;
  style: Style;
  timeOfDay: (ms: number) => string;
  /** Reads an asking session's question, shown under the list when it is selected; absent: no question panel. */
  questionOf?: QuestionOf;
}

interface BodyLine {
  segments: Segment[];
  key?: string;
}

const KEYS_HELP = "↑↓/jk move  ⏎ attach  p peek  1-9/y/n answer  r reply  q quit";

function tonePaint(style: Style, tone: Tone): (text: string) => string {
  return tone === "good" ? style.green : tone === "warn" ? style.yellow : style.red;
}

// "2 asking · 3 waiting": the sessions that need the user, counted only where the host is live.
function needsText(snapshot: WatchSnapshot, state: "asking" | "waiting"): string | undefined {
  const count = snapshot.hosts
    .filter((host) => !isStale(host))
    .reduce((sum, host) => sum + host.sessions.filter((session) => session.state.state === state).length, 0);
  return count === 0 ? undefined : `${String(count)} ${state}`;
}

function header(snapshot: WatchSnapshot, options: FrameOptions, style: Style): string {
  const sessions = snapshot.hosts.reduce((count, host) => count + host.sessions.length, 0);
  const left = `moor watch · ${snapshot.hosts.length} host${snapshot.hosts.length === 1 ? "" : "s"} · ${sessions} session${sessions === 1 ? "" : "s"}`;
  const needs: Segment[] = (["asking", "waiting"] as const).flatMap((state) => {
    const text = needsText(snapshot, state);
    return text === undefined
      ? []
      : [{ text: " · " }, { text, paint: statePaint({ state, exitCode: undefined }, options.style) }];
  });
  const used = cellWidth(left) + needs.reduce((sum, segment) => sum + cellWidth(segment.text), 0);
  const gap = options.width - used - cellWidth(KEYS_HELP);
  const right: Segment[] = gap >= 2 ? [{ text: " ".repeat(gap) }, { text: KEYS_HELP, paint: style.dim }] : [];
  return paintLine([{ text: left, paint: style.bold }, ...needs, ...right], options.width);
}

function sessionLine(
  host: HostView,
  session: WatchedSession,
  nameWidth: number,
  selected: boolean,
  options: FrameOptions,
): BodyLine {
  const style = options.style;
  const stale = isStale(host);
  const state = stateText(session.state, options.now);
  const needsYou = session.state.state === "asking" || session.state.state === "waiting";
  const dim = stale ? style.dim : (text: string) => text;
  const segments: Segment[] = [
    {
      text: selected ? "  › " : needsYou && !stale ? "  ● " : "    ",
      paint: selected ? style.bold : statePaint(session.state, options.style),
    },
    { text: `${fit(sanitize(session.name), nameWidth)}  `, paint: selected ? style.bold : dim },
    { text: `${fit(state, 14)}  `, paint: stale ? style.dim : statePaint(session.state, options.style) },
    { text: `${fit(session.state.agent ?? "", 8)}  `, paint: dim },
    { text: `${fit(session.clients > 0 ? "attached" : "", 8)}  `, paint: dim },
    { text: `${fit(agoText(session.activity, Math.floor(options.now / 1000)), 8)}  `, paint: dim },
    { text: `${stale ? "(stale) " : ""}${sanitize(session.line)}`, paint: style.dim },
  ];
  return { segments, key: sessionKey(host.host, session.name) };
}

function hostLines(host: HostView, nameWidth: number, selected: string | undefined, options: FrameOptions): BodyLine[] {
  const style = options.style;
  const link = linkText(host, options.now, options.timeOfDay);
  const lines: BodyLine[] = [
    {
      segments: [
        { text: sanitize(host.host), paint: style.bold },
        { text: "  " },
        { text: link.text, paint: tonePaint(style, link.tone) },
      ],
    },
  ];
  if (host.error !== undefined) lines.push({ segments: [{ text: `    ! ${sanitize(host.error)}`, paint: style.red }] });
  if (host.sessions.length === 0)
    lines.push({
      segments: [{ text: host.polled ? "    no sessions" : "    sessions not known yet", paint: style.dim }],
    });
  for (const session of host.sessions)
    lines.push(sessionLine(host, session, nameWidth, sessionKey(host.host, session.name) === selected, options));
  return lines;
}

// The last line: the reply being typed, else what was just done ("answered 1 on gpu1:fix-tests") or went wrong.
function footerLine(view: ViewState, options: FrameOptions): string[] {
  const { style, width } = options;
  if (view.reply !== undefined) {
    const prompt = `reply to ${sanitize(view.reply.target)} (⏎ send, Esc cancel): `;
    const room = Math.max(1, width - cellWidth(prompt) - 1);
    const text = sanitize(view.reply.text);
    const shown = cellWidth(text) > room ? `…${[...text].slice(-(room - 1)).join("")}` : text;
    return [paintLine([{ text: prompt, paint: style.cyan }, { text: `${shown}▏` }], width)];
  }
  return view.message === undefined ? [] : [paintLine([{ text: sanitize(view.message), paint: style.yellow }], width)];
}

// The whole screen for one moment, exactly `height` lines of at most `width` cells: a header, each host with
// its link state and its sessions (status, attached, last activity, latest line), and the peek panel or the selected
// session's question.
export function renderFrame(snapshot: WatchSnapshot, view: ViewState, options: FrameOptions): string[] {
  const style = options.style;
  const selected = effectiveSelection(snapshot, view);
  const names = snapshot.hosts.flatMap((host) => host.sessions.map((session) => cellWidth(sanitize(session.name))));
  const nameWidth = Math.min(24, Math.max(4, ...names));
  const body = snapshot.hosts.flatMap((host) => hostLines(host, nameWidth, selected, options));
  const half = Math.max(3, Math.floor((options.height - 1) / 2));
  const peek = view.peek
    ? renderPeek(snapshot, selected, options.width, half, style)
    : options.questionOf
      ? renderQuestion(snapshot, selected, options.questionOf, options.width, half, style)
      : [];
  const footer = footerLine(view, options);
  const listHeight = Math.max(0, options.height - 1 - peek.length - footer.length);
  const at = body.findIndex((line) => line.key !== undefined && line.key === selected);
  const offset = at < listHeight ? 0 : at - listHeight + 1;
  const visible = body.slice(offset, offset + listHeight).map((line) => paintLine(line.segments, options.width));
  const padding = Array.from({ length: listHeight - visible.length }, () => "");
  return [header(snapshot, options, style), ...visible, ...padding, ...peek, ...footer].slice(0, options.height);
}
