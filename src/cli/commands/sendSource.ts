// Where moor send's text comes from: its TEXT words (joined by single spaces, like echo), standard input ("-"
// alone, or neither TEXT nor --key), or nowhere (only keys). One rule for the command and for the thin client,
// which leaves a send that reads standard input to the full CLI.
export type SendSource = "words" | "stdin" | "none";

export function sendSource(words: readonly string[], keyCount: number): SendSource {
  if (words.length === 1 && words[0] === "-") return "stdin";
  if (words.length > 0) return "words";
  return keyCount > 0 ? "none" : "stdin";
}
