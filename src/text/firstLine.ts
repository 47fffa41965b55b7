// The first line of what a program or an error said (stderr, a message), trimmed, for one-line messages: "" when
// it said nothing.
export function firstLine(text: string | Uint8Array): string {
  const said = (typeof text === "string" ? text : Buffer.from(text).toString()).trim();
  return (said.split("\n")[0] ?? "").trim();
}
