import { createInterface } from "node:readline";
import { Writable } from "node:stream";

// Asks for a key's passphrase on the terminal without echoing it; undefined when there is no TTY.
export async function askPassphraseOnTty(keyFile: string): Promise<string | undefined> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  process.stderr.write(`Enter passphrase for key '${keyFile}': `);
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  try {
    return await new Promise<string>((resolve) => rl.question("", resolve));
  } finally {
    rl.close();
    process.stderr.write("\n");
  }
}
