import type { Style } from "../render/style.js";
import type { Paint } from "./paintLine.js";

export type Paints = Record<"bold" | "dim" | "red" | "green" | "yellow" | "cyan", Paint>;

// Style's colours as free functions, to hand to line segments (Style's methods are not bound).
export function paints(style: Style): Paints {
  return {
    bold: (text) => style.bold(text),
    dim: (text) => style.dim(text),
    red: (text) => style.red(text),
    green: (text) => style.green(text),
    yellow: (text) => style.yellow(text),
    cyan: (text) => style.cyan(text),
  };
}
