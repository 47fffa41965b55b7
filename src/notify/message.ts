import type { StateChange } from "./stateChange.js";

export interface NotificationText {
  title: string;
  body: string;
}

// Text from a remote screen goes into terminal sequences and notifier arguments: no control characters.
export function plainText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ").trim();
}

function what(change: StateChange): string {
  if (change.state === "asking") return "is asking";
  if (change.state === "waiting") return "is waiting for you";
  if (change.state === "exited") return "exited";
  if (change.state === "sent") return "got its queued prompt";
  return `is ${change.state}`;
}

// "claude on gpu1, session fix-tests: Allow edit to src/app.ts?"
function line(change: StateChange): string {
  const reason = plainText(change.reason);
  return `${change.agent ?? "program"} on ${change.host}, session ${change.session}${reason ? `: ${reason}` : ""}`;
}

// One notification for one change or a burst of them, naming host, session, agent and reason for each.
export function notificationText(changes: readonly StateChange[]): NotificationText {
  const [first] = changes;
  if (first === undefined) return { title: "moor", body: "" };
  if (changes.length === 1) return { title: plainText(`moor: ${first.target} ${what(first)}`), body: line(first) };
  return {
    title: `moor: ${changes.length} sessions need you`,
    body: changes.map((change) => `${change.target} ${what(change)} (${line(change)})`).join("\n"),
  };
}
