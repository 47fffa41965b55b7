import type { Box } from "../box.js";

// What tmux shows about a pane, read straight from the box (the test bed's view, independent of moor).
export interface PaneInfo {
  pane_start_command: string;
  pane_title: string;
  pane_current_command: string;
  pane_dead: string;
  pane_dead_status: string;
  cursor_x: string;
  cursor_y: string;
  pane_width: string;
  pane_height: string;
}

const SEPARATOR = "<moor>";
const FIELDS: (keyof PaneInfo)[] = [
  "pane_start_command",
  "pane_title",
  "pane_current_command",
  "pane_dead",
  "pane_dead_status",
  "cursor_x",
  "cursor_y",
  "pane_width",
  "pane_height",
];

// -u as moor runs it: the box has no UTF-8 locale, and tmux would print a title's "✳" as "_".
export async function tmuxIn(box: Box, args: string[], stdin?: string): Promise<string> {
  const result =
    stdin === undefined
      ? await box.exec(["tmux", "-u", ...args])
      : await box.exec([
          "sh",
          "-c",
          'printf %s "$1" | tmux -u load-buffer -b moor-bed - && shift && exec tmux -u "$@"',
          "sh",
          stdin,
          ...args,
        ]);
  if (result.exitCode !== 0)
    throw new Error(`tmux ${args.join(" ")} failed in the box (exit ${result.exitCode}): ${result.output.trim()}`);
  return result.stdout;
}

/** The visible screen as plain text (`capture-pane -p`), trailing blank lines kept as tmux prints them. */
export const captureScreen = (box: Box, target: string): Promise<string> =>
  tmuxIn(box, ["capture-pane", "-p", "-t", target]);

export async function paneInfo(box: Box, target: string): Promise<PaneInfo> {
  // A printable separator: tmux 3.3 prints a control character in a format as "_".
  const line = await tmuxIn(box, ["display-message", "-p", "-t", target, FIELDS.map((f) => `#{${f}}`).join(SEPARATOR)]);
  const values = line.replace(/\n$/, "").split(SEPARATOR);
  return Object.fromEntries(FIELDS.map((field, i) => [field, values[i] ?? ""])) as unknown as PaneInfo;
}

/**
 * Pastes TEXT as moor send does (a bracketed paste) and presses Enter only once the screen shows it, in a
 * separate call (Codex and Gemini take an Enter that arrives with a paste as part of it). SUBMITTED says when
 * the agent took it; until then Enter is pressed again while the text still sits in the input.
 */
export async function typeLine(
  box: Box,
  target: string,
  text: string,
  submitted: () => boolean,
  timeoutMs = 120_000,
): Promise<void> {
  const head = text.slice(0, 24);
  await tmuxIn(box, ["paste-buffer", "-p", "-d", "-b", "moor-bed", "-t", target], text);
  await waitUntil(
    `${JSON.stringify(head)} on screen`,
    60_000,
    async () => ((await captureScreen(box, target)).includes(head) ? true : undefined),
    () => captureScreen(box, target),
  );
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await sleep(500);
    await tmuxIn(box, ["send-keys", "-t", target, "Enter"]);
    const took = await waitUntil("the agent to take the line", 10_000, () =>
      Promise.resolve(submitted() ? true : undefined),
    ).catch(() => false);
    if (took) return;
  }
  throw new Error(
    `${target} never took ${JSON.stringify(text)} within ${timeoutMs / 1000} s; screen:\n${await captureScreen(box, target)}`,
  );
}

export const pressKeys = (box: Box, target: string, keys: string[]): Promise<string> =>
  tmuxIn(box, ["send-keys", "-t", target, ...keys]);

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls CHECK until it returns a value, or throws after TIMEOUT with WHAT and the last screen seen. */
export async function waitUntil<T>(
  what: string,
  timeoutMs: number,
  check: () => Promise<T | undefined>,
  screen?: () => Promise<string>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs / 1000} s waiting for ${what}${screen ? `; screen:\n${await screen()}` : ""}`,
      );
    await sleep(500);
  }
}

/** The screen once it has matched PATTERN and stayed the same for STABLE ms. */
export async function stableScreen(
  box: Box,
  target: string,
  pattern: RegExp,
  options: { timeoutMs: number; stableMs?: number },
): Promise<string> {
  let last = "";
  let since = Date.now();
  return waitUntil(
    `a still screen matching ${pattern} in ${target}`,
    options.timeoutMs,
    async () => {
      const now = await captureScreen(box, target);
      if (now !== last) {
        last = now;
        since = Date.now();
        return undefined;
      }
      return pattern.test(now) && Date.now() - since >= (options.stableMs ?? 2000) ? now : undefined;
    },
    () => Promise.resolve(last),
  );
}
