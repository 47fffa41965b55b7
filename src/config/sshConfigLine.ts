// One line of an ssh_config file split the way OpenSSH does: `Keyword args`, `Keyword=args`, quoted
// arguments, backslash escapes, and `#` starting a comment at the beginning of an argument.

export interface ConfigLine {
  /** Lowercased: ssh_config keywords are case-insensitive. */
  keyword: string;
  args: string[];
}

/** The keyword and its arguments, or undefined for a blank line, a comment or a keyword alone. */
export function splitConfigLine(line: string): ConfigLine | undefined {
  const match = /^\s*([^\s=#]+)\s*(?:=\s*)?(.*)$/.exec(line.replace(/\r$/, ""));
  if (match?.[1] === undefined) return undefined;
  const args = splitArgs(match[2] ?? "");
  return args.length === 0 ? undefined : { keyword: match[1].toLowerCase(), args };
}

function splitArgs(text: string): string[] {
  const args: string[] = [];
  let current: string | undefined;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? "";
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
      else if (char === "\\" && (text[i + 1] === quote || text[i + 1] === "\\")) current += text[++i] ?? "";
      else current += char;
    } else if (char === " " || char === "\t") {
      if (current !== undefined) args.push(current);
      current = undefined;
    } else if (char === "#" && current === undefined) {
      break;
    } else if (char === '"' || char === "'") {
      quote = char;
      current ??= "";
    } else if (char === "\\" && i + 1 < text.length) {
      current = (current ?? "") + (text[++i] ?? "");
    } else {
      current = (current ?? "") + char;
    }
  }
  if (current !== undefined) args.push(current);
  return args;
}
