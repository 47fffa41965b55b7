// Exact tmux targets: a bare "-t name" would prefix-match ("work" finds "workshop") or fnmatch.
//
// Verified on tmux 3.3a: "=s" matches session s exactly; "=s:=w" matches window w by exact name, except that an
// all-digit w is tried as a window INDEX first ("=s:=1" is index 1 even when another window is named "1").

export function sessionTarget(session: string): string {
  return `=${session}`;
}

export function windowTarget(session: string, window: string): string {
  return `=${session}:=${window}`;
}

// The session, or one window of it: attach-session takes a session target, and given "=s:=w" it also makes that
// window current (verified on 3.3a); has-session given "=s:=w" checks the window too.
export function sessionOrWindowTarget(session: string, window: string | undefined): string {
  return window === undefined ? sessionTarget(session) : windowTarget(session, window);
}

// A pane target needs the colon: "=s" alone is looked up as a pane or window and fails ("can't find pane: =s").
// Without a window, "=s:" is the session's current window and its active pane.
export function paneTarget(session: string, window?: string): string {
  return window === undefined ? `=${session}:` : windowTarget(session, window);
}
