const BACKSLASH = 0x5c;

// %output's data as the pane printed it: tmux writes each byte below a space, and the backslash, as \ooo (three octal
// digits, control.c's control_append_data) and every other byte as it is, so the bytes come back exactly.
export function unescapeOutput(escaped: Buffer): Buffer {
  const bytes = Buffer.alloc(escaped.length);
  let length = 0;
  for (let index = 0; index < escaped.length; index++) {
    const byte = escaped[index] ?? 0;
    const octal = byte === BACKSLASH ? escaped.subarray(index + 1, index + 4).toString("latin1") : "";
    if (/^[0-7]{3}$/.test(octal)) {
      bytes[length++] = Number.parseInt(octal, 8);
      index += 3;
    } else bytes[length++] = byte;
  }
  return bytes.subarray(0, length);
}
