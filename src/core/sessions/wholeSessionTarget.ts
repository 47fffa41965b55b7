import { usageError } from "../../errors.js";
import { parseSessionTarget, type SessionTarget } from "../names.js";
import { targetLabel } from "./targetLabel.js";

// HOST:SESSION for the commands that act on a whole session (new, revive, kill, note): a window part is refused
// (exit 2) rather than ignored, before any connection.
export function parseWholeSessionTarget(text: string, command: string): SessionTarget & { label: string } {
  const target = parseSessionTarget(text, command);
  const label = targetLabel({ host: target.host, session: target.session });
  if (target.window !== undefined) {
    throw usageError(
      `moor ${command} acts on a whole session: got the window "${target.window}" in ${text}`,
      `write ${label}`,
    );
  }
  return { host: target.host, session: target.session, label };
}
