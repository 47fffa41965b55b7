import { InvalidArgumentError } from "commander";

// A count of lines from the command line: a whole number from 1 up.
export function parseLineCount(value: string): number {
  const lines = Number(value);
  if (!/^\d+$/.test(value) || lines < 1 || !Number.isSafeInteger(lines))
    throw new InvalidArgumentError(`expected a whole number of lines from 1 up, got "${value}"`);
  return lines;
}
