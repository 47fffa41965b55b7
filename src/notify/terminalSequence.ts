import { plainText, type NotificationText } from "./message.js";

export type TerminalProtocol = "osc9" | "osc777" | "osc99" | "bell";

const ESC = "\x1b";
const ST = `${ESC}\\`;
const BEL = "\x07";

// Which notification sequence the terminal understands, from what it says it is. Inside tmux, TERM_PROGRAM is
// tmux's own, so the outer terminal is read from the variables it leaves behind (kitty's, WezTerm's, iTerm2's).
export function terminalProtocol(env: NodeJS.ProcessEnv): TerminalProtocol {
  const program = (env.TERM_PROGRAM ?? "").toLowerCase();
  const term = (env.TERM ?? "").toLowerCase();
  if (env.KITTY_WINDOW_ID !== undefined || term === "xterm-kitty" || program === "kitty") return "osc99";
  if (program === "wezterm" || env.WEZTERM_PANE !== undefined || env.WEZTERM_EXECUTABLE !== undefined) return "osc777";
  if (
    program === "iterm.app" ||
    (env.LC_TERMINAL ?? "").toLowerCase() === "iterm2" ||
    env.ITERM_SESSION_ID !== undefined
  )
    return "osc9";
  if (program === "ghostty" || term === "xterm-ghostty" || env.GHOSTTY_RESOURCES_DIR !== undefined) return "osc9";
  if (term === "foot" || term.startsWith("foot-") || term.startsWith("rxvt-unicode")) return "osc777";
  if (env.VTE_VERSION !== undefined && Number(env.VTE_VERSION) >= 5_000) return "osc777";
  return "bell";
}

// The bytes that raise one notification, wrapped in tmux's passthrough (every ESC doubled) when moor runs in tmux.
export function terminalSequence(
  protocol: TerminalProtocol,
  text: NotificationText,
  options: { tmux: boolean },
): string {
  const title = plainText(text.title);
  const body = plainText(text.body.replaceAll("\n", "; "));
  let sequence: string;
  if (protocol === "bell") return BEL;
  if (protocol === "osc9") sequence = `${ESC}]9;${title}: ${body}${BEL}`;
  else if (protocol === "osc777") sequence = `${ESC}]777;notify;${title.replaceAll(";", ",")};${body}${ST}`;
  else sequence = `${ESC}]99;i=moor:d=0;${title}${ST}${ESC}]99;i=moor:d=1:p=body;${body}${ST}`;
  return options.tmux ? `${ESC}Ptmux;${sequence.replaceAll(ESC, ESC + ESC)}${ST}` : sequence;
}
