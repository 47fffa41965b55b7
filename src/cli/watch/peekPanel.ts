import type { WatchSnapshot } from "../../core/overview/watchTypes.js";
import { cellWidth } from "../../text/cells.js";
import { paintLine, sanitize } from "./paintLine.js";
import type { Style } from "../render/style.js";
import { sessionKey } from "./viewState.js";

// The peek panel: a rule naming the session, then the last lines of its headline pane (height lines in all).
export function renderPeek(
  snapshot: WatchSnapshot,
  selected: string | undefined,
  width: number,
  height: number,
  style: Style,
): string[] {
  const host = snapshot.hosts.find((candidate) =>
    candidate.sessions.some((session) => sessionKey(candidate.host, session.name) === selected),
  );
  const session = host?.sessions.find((candidate) => sessionKey(host.host, candidate.name) === selected);
  const title =
    session === undefined ? "── peek: no session selected " : `── peek ${sanitize(selected ?? "")} (p closes) `;
  const rule = paintLine(
    [{ text: title + "─".repeat(Math.max(0, width - cellWidth(title))), paint: style.cyan }],
    width,
  );
  const lines = (session?.lines ?? []).slice(-(height - 1)).map((line) => paintLine([{ text: sanitize(line) }], width));
  const padding = Array.from({ length: height - 1 - lines.length }, () => "");
  return [rule, ...lines, ...padding];
}
