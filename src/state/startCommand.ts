export const DEFAULT_SHELLS: readonly string[] = [
  "bash",
  "zsh",
  "sh",
  "fish",
  "dash",
  "ksh",
  "mksh",
  "ash",
  "tcsh",
  "csh",
  "nu",
];

// "/bin/bash" or a login shell's "-bash" are both bash.
function programName(word: string): string {
  return (word.split("/").pop() ?? "").replace(/^-/, "");
}

// The words of a pane's start command, from tmux's quoting: "\"claude --x 'a b'\"" gives claude, --x, a, b (quotes
// inside are dropped, which is enough to find the program and its options). "" (the default shell) gives [].
function startWords(startCommand: string): string[] {
  const quoted = /^"((?:[^"\\]|\\.)*)"/.exec(startCommand);
  const command = quoted === null ? startCommand : (quoted[1] ?? "").replace(/\\(.)/g, "$1");
  const words = command
    .trim()
    .split(/\s+/)
    .filter((word) => word !== "")
    .map((word) => word.replace(/^['"]|['"]$/g, ""));
  const program = words.findIndex((word) => word !== "exec" && word !== "env" && !/^[A-Za-z_]\w*=/.test(word));
  return program === -1 ? [] : words.slice(program);
}

// Started as an interactive shell: the default shell, or a shell with options only ("bash -l"), not "sh -c ..."
// nor "bash script.sh", which run a command and end with it.
export function startedAsShell(startCommand: string, shells: readonly string[] = DEFAULT_SHELLS): boolean {
  const [program, ...args] = startWords(startCommand);
  if (program === undefined) return true;
  return shells.includes(programName(program)) && args.every((arg) => arg.startsWith("--") || /^-[^c]*$/.test(arg));
}
