// The session moor's control client attaches to (tmux has no client without a session). Its name starts with "_"
// so it reads as moor's; every list moor parses drops it (parsePaneList, parseSessionNames), so no verb shows it.
export const HELPER_SESSION = "_moor-control";

export function isHelperSession(name: string): boolean {
  return name === HELPER_SESSION;
}
