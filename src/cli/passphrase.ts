import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { ExitCode } from "../errors.js";

// Asks for a key's passphrase on the terminal without echoing it; undefined when there is no TTY, or when the
// answer is empty or Ctrl-D (the caller then says to use ssh-add). Ctrl-C ends moor at once with 130, as the
// interrupt a terminal sends in cooked mode would: the prompt's raw mode turned it into a key, which readline
// only answered by pausing, leaving moor waiting forever.
export async function askPassphraseOnTty(keyFile: string): Promise<string | undefined> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  // Raw mode is on once the interface exists: the prompt is shown only then, so a key typed at once is read as a key.
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  process.stderr.write(`Enter passphrase for key '${keyFile}': `);
  let interrupted = false;
  try {
    const answer = await new Promise<string | undefined>((resolve) => {
      rl.question("", resolve);
      rl.once("close", () => resolve(undefined));
      rl.once("SIGINT", () => {
        interrupted = true;
        resolve(undefined);
      });
    });
    return answer === "" ? undefined : answer;
  } finally {
    rl.close();
    process.stdin.pause();
    process.stderr.write("\n");
    if (interrupted) process.exit(ExitCode.interrupted);
  }
}
