import type { Box } from "../../support/box.js";

// Helpers for the session-command e2e tests: exact bytes from files in a box, and waiting on the box's state.

export async function run(box: Box, argv: string[]): Promise<string> {
  const result = await box.exec(argv);
  if (result.exitCode !== 0)
    throw new Error(`${argv.join(" ")} failed in the box (${result.exitCode}): ${result.output}`);
  return result.stdout;
}

// The file's bytes exactly (docker exec output is text, so they travel as base64).
export async function readBoxFile(box: Box, path: string): Promise<Buffer> {
  return Buffer.from(await run(box, ["base64", "-w0", path]), "base64");
}

export async function fileSize(box: Box, path: string): Promise<number> {
  const result = await box.exec(["stat", "-c", "%s", path]);
  return result.exitCode === 0 ? Number(result.stdout.trim()) : -1;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// What runs in the pane's foreground now.
export async function paneCommand(box: Box, session: string): Promise<string> {
  return (await run(box, ["tmux", "display-message", "-p", "-t", `=${session}:`, "#{pane_current_command}"])).trim();
}

// A session whose pane records every byte it is given, exactly: raw terminal, no echo, into /tmp/NAME.got.
// With bracketedPaste it first asks the terminal for bracketed paste, as agents' TUIs do.
export async function startRecorder(
  box: Box,
  name: string,
  options: { bracketedPaste?: boolean } = {},
): Promise<string> {
  const ask = options.bracketedPaste ? "printf '\\033[?2004h'; " : "";
  const script = `${ask}stty raw -echo -iexten; touch /tmp/${name}.ready; exec cat > /tmp/${name}.got`;
  await run(box, ["tmux", "new-session", "-d", "-s", name, "-x", "200", "-y", "50", script]);
  await waitFor(`the recorder ${name}`, async () =>
    (await box.exec(["test", "-f", `/tmp/${name}.ready`])).exitCode === 0 ? true : undefined,
  );
  return `/tmp/${name}.got`;
}

// Waits until the recorder has at least `bytes` bytes, then a little more to catch any extra byte.
export async function recorded(box: Box, path: string, bytes: number): Promise<Buffer> {
  await waitFor(`${bytes} bytes in ${path}`, async () => ((await fileSize(box, path)) >= bytes ? true : undefined));
  await new Promise((resolve) => setTimeout(resolve, 200));
  return readBoxFile(box, path);
}
