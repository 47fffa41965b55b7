import { escapeTokens } from "../../text/escapes.js";

/** The one-line reply being typed in watch (`r`): to whom, and the text so far. */
export interface Reply {
  target: string;
  text: string;
}

export type ReplyStep = { reply: Reply } | { send: Reply } | { cancel: true };

// One chunk of raw input into the reply line: printable text is added (a paste too, its newlines as spaces), Backspace
// removes a character, Ctrl-U clears, Enter sends, Esc or Ctrl-C cancels. Other escape sequences (arrows) are ignored.
export function replyInput(reply: Reply, data: string): ReplyStep {
  let text = reply.text;
  for (const token of escapeTokens(data)) {
    if (token.sequence) {
      if (token.text === "\x1b") return { cancel: true };
      continue;
    }
    for (const char of token.text) {
      if (char === "\r") return text.trim() === "" ? { cancel: true } : { send: { ...reply, text } };
      if (char === "\x03") return { cancel: true };
      if (char === "\x7f" || char === "\b") text = [...text].slice(0, -1).join("");
      else if (char === "\x15") text = "";
      else if (char === "\n" || char === "\t") text += " ";
      else if (char >= " ") text += char;
    }
  }
  return { reply: { ...reply, text } };
}
