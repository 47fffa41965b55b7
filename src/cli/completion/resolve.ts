import type { Command, Option } from "commander";
import { SETTING_KEYS } from "../../config/settingKeys.js";

// What the word under the cursor can be, decided from commander's command tree (nothing listed by hand).
export type Completion =
  { kind: "words"; words: string[] } | { kind: "files" } | { kind: "hosts" } | { kind: "targets" };

type ValueKind = "target" | "host" | "setting" | "choice" | "file" | "none";

// Positional arguments whose value is a registered host or a target, by argument name; `<name>`
// of `host rm|test` is an existing host, of `host add` a new one.
function argumentKind(path: readonly string[], name: string): ValueKind {
  if (/^targets?$/.test(name)) return "target";
  if (/^hosts?$/.test(name)) return "host";
  if (name === "key" && path[0] === "config") return "setting";
  if (name === "choice" && path[0] === "answer") return "choice";
  if (name === "name" && path[0] === "host" && (path[1] === "rm" || path[1] === "test")) return "host";
  return "none";
}

function optionValueKind(option: Option): ValueKind {
  const value = /<([^>]+)>|\[([^\]]+)\]/.exec(option.flags);
  const name = value?.[1] ?? value?.[2] ?? "";
  if (/host/.test(name)) return "host";
  if (/file|dir|keyfile/.test(name)) return "file";
  return "none";
}

const takesValue = (option: Option): boolean => option.required || option.optional;
const visible = (command: Command): Command[] =>
  command.commands.filter((sub) => !(sub as unknown as { _hidden?: boolean })._hidden);
const flagsOf = (option: Option): string[] =>
  [option.short, option.long].filter((flag): flag is string => Boolean(flag));

function optionsInScope(chain: readonly Command[]): Option[] {
  return chain.flatMap((command) => command.options.filter((option) => !option.hidden));
}

function findOption(chain: readonly Command[], word: string): Option | undefined {
  const flag = word.split("=")[0] ?? word;
  return optionsInScope(chain).find((option) => flagsOf(option).includes(flag));
}

// WORDS are the command line after "moor", the last one being the word under the cursor (maybe "").
export function resolveCompletion(program: Command, words: readonly string[]): Completion {
  const chain: Command[] = [program];
  const current = words.at(-1) ?? "";
  let positional = 0;
  let afterDashes = false;
  for (let i = 0; i < words.length - 1; i++) {
    const word = words[i] ?? "";
    const command = chain.at(-1) ?? program;
    if (afterDashes) continue;
    if (word === "--") {
      afterDashes = true;
      continue;
    }
    if (word.startsWith("-") && word !== "-") {
      const option = findOption(chain, word);
      if (option && takesValue(option) && !word.includes("=")) {
        if (i === words.length - 2) return valueCompletion(optionValueKind(option));
        i++;
      }
      continue;
    }
    const sub =
      positional === 0
        ? visible(command).find((candidate) => candidate.name() === word || candidate.aliases().includes(word))
        : undefined;
    if (sub) chain.push(sub);
    else positional++;
  }
  if (afterDashes) return { kind: "files" };
  const command = chain.at(-1) ?? program;
  if (current.startsWith("-"))
    return {
      kind: "words",
      words: optionsInScope(chain)
        .flatMap(flagsOf)
        .filter((flag) => flag.startsWith("--") || !current.startsWith("--")),
    };
  const subs = positional === 0 ? visible(command).map((sub) => sub.name()) : [];
  if (subs.length > 0) return { kind: "words", words: command === program ? [...subs, "help"] : subs };
  const args = command.registeredArguments;
  const arg = args[Math.min(positional, args.length - 1)];
  if (!arg || (positional >= args.length && !arg.variadic)) return { kind: "words", words: [] };
  return valueCompletion(
    argumentKind(
      chain.slice(1).map((c) => c.name()),
      arg.name(),
    ),
  );
}

function valueCompletion(kind: ValueKind): Completion {
  switch (kind) {
    case "target":
      return { kind: "targets" };
    case "host":
      return { kind: "hosts" };
    case "setting":
      return { kind: "words", words: [...SETTING_KEYS] };
    case "choice":
      return { kind: "words", words: ["yes", "no", "esc", "1", "2", "3"] };
    case "file":
      return { kind: "files" };
    case "none":
      return { kind: "words", words: [] };
  }
}
