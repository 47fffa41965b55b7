// The one place where anything that reaches a remote shell is quoted: every argv moor runs remotely
// goes through quoteArgv, so no user text is ever interpreted by sh, bash, dash, zsh or fish.

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

// Expanded at the start of a word even when the rest is plain: "=cmd" by zsh (EQUALS), "~" by every shell,
// "%self" by fish.
const UNSAFE_FIRST = /^[=~%]/;

// Single quotes hold everything literally except "'", and in fish also "\'" and "\\": both are closed over and
// written escaped outside the quotes, where "\'" and "\\" mean the same in sh, bash, dash, zsh and fish.
export function quoteArg(arg: string): string {
  if (arg.includes("\0")) throw new TypeError("a shell argument cannot contain a NUL byte");
  if (SAFE.test(arg) && !UNSAFE_FIRST.test(arg)) return arg;
  return `'${arg.replaceAll(/['\\]/g, (char) => `'\\${char}'`)}'`;
}

export function quoteArgv(argv: readonly string[]): string {
  if (argv.length === 0) throw new TypeError("cannot quote an empty argv");
  return argv.map(quoteArg).join(" ");
}
