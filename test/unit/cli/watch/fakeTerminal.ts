import type { ViewTerminal } from "../../../../src/cli/watch/terminal.js";

// A terminal in memory: records what is written and how often the screen was entered and left.
export class FakeTerminal implements ViewTerminal {
  writes: string[] = [];
  entered = 0;
  left = 0;
  inScreen = false;
  #input: ((data: string) => void)[] = [];
  #resize: (() => void)[] = [];

  constructor(
    public columns = 70,
    public rows = 8,
  ) {}

  write(text: string): void {
    this.writes.push(text);
  }
  onInput(listener: (data: string) => void): () => void {
    this.#input.push(listener);
    return () => (this.#input = this.#input.filter((other) => other !== listener));
  }
  onResize(listener: () => void): () => void {
    this.#resize.push(listener);
    return () => (this.#resize = this.#resize.filter((other) => other !== listener));
  }
  enter(): void {
    this.entered++;
    this.inScreen = true;
  }
  leave(): void {
    if (!this.inScreen) return;
    this.left++;
    this.inScreen = false;
  }
  type(data: string): void {
    for (const listener of [...this.#input]) listener(data);
  }
  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    for (const listener of [...this.#resize]) listener();
  }
  get listeners(): number {
    return this.#input.length + this.#resize.length;
  }
  /** The rows of the last frame written, decoded from frameToAnsi's row addressing. */
  screen(): string[] {
    const last = this.writes.at(-1) ?? "";
    return last
      .replace(/\x1b\[J$/, "")
      .split(/\x1b\[\d+;1H\x1b\[2K/)
      .slice(1);
  }
}
