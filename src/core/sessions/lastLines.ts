const NEWLINE = 0x0a;

// Where the last `lines` lines of `data` start, as tail -n counts them (a final line without "\n" counts);
// undefined when `data` holds fewer complete line starts than that, i.e. the answer lies before it.
export function lastLinesStart(data: Uint8Array, lines: number): number | undefined {
  if (lines <= 0) return data.length;
  let end = data.length;
  if (end > 0 && data[end - 1] === NEWLINE) end--;
  let found = 0;
  for (let index = end - 1; index >= 0; index--) {
    if (data[index] !== NEWLINE) continue;
    found++;
    if (found === lines) return index + 1;
  }
  return undefined;
}
