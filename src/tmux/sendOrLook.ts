import { TMUX_PREFIX } from "./command.js";
import { PANE_IDENTITY_FORMAT } from "./paneIdentity.js";

const NAME = /^[A-Za-z0-9_.-]{1,40}$/;

// A tmux format that is 1 when the pane's foreground program is one of PROGRAMS ("." written "[.]": no backslash or
// comma may reach the format).
export function foregroundIsOneOf(programs: readonly string[]): string {
  const names = [...new Set(programs.filter((name) => NAME.test(name)))].map((name) => name.replaceAll(".", "[.]"));
  return `#{m/r:^(${names.join("|")})$,#{pane_current_command}}`;
}

/**
 * moor send's one invocation into a pane that may run an agent: the text (standard input) goes into BUFFER; then, when
 * the pane's foreground program is one of PROGRAMS, tmux only prints what paneIdentityArgv prints (the caller takes it
 * from there, with the buffer loaded); otherwise it pastes and presses Enter at once and prints nothing. A plain
 * program costs one round trip. The bare send-keys first fails on a missing pane before anything is loaded.
 * TARGET and BUFFER are moor's own names ([=A-Za-z0-9_:-]), safe inside tmux's single quotes.
 */
export function sendOrLookArgv(target: string, bufferName: string, programs: readonly string[]): string[] {
  if (!/^[=A-Za-z0-9_:%.-]+$/.test(target) || !/^[A-Za-z0-9_-]{1,64}$/.test(bufferName))
    throw new TypeError(`sendOrLookArgv: unexpected target ${JSON.stringify(target)} or buffer ${bufferName}`);
  const look = `display-message -p -t ${target} '${PANE_IDENTITY_FORMAT}' ; capture-pane -p -t ${target}`;
  const send = `paste-buffer -p -r -d -b ${bufferName} -t ${target} ; send-keys -t ${target} Enter`;
  return [
    ...TMUX_PREFIX,
    ...["send-keys", "-t", target, ";"],
    ...["load-buffer", "-b", bufferName, "-", ";"],
    ...["if-shell", "-F", "-t", target, foregroundIsOneOf(programs), look, send],
  ];
}
