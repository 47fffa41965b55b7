// The one place where anything that reaches a remote shell is quoted: every argv moor runs remotely
// goes through quoteArgv, so no user text is ever interpreted by sh, bash, zsh or fish.

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function quoteArg(arg: string): string {
  if (arg.includes("\0")) throw new TypeError("a shell argument cannot contain a NUL byte");
  if (arg !== "" && SAFE.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

export function quoteArgv(argv: readonly string[]): string {
  if (argv.length === 0) throw new TypeError("cannot quote an empty argv");
  return argv.map(quoteArg).join(" ");
}
