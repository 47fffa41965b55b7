import type { HostWatch } from "../../core/overview/watchHosts.js";
import { diffSnapshots } from "../../core/overview/watchEvents.js";
import type { WatchSnapshot } from "../../core/overview/watchTypes.js";
import type { RunningView } from "./watchView.js";

// moor watch --json (or without a terminal): one JSON event a line, the whole picture first, then changes.
export function runJsonStream(start: (onChange: (snapshot: WatchSnapshot) => void) => HostWatch, writeLine: (line: string) => void): RunningView {
  let previous: WatchSnapshot | undefined;
  const emit = (snapshot: WatchSnapshot): void => {
    for (const event of diffSnapshots(previous, snapshot)) writeLine(JSON.stringify(event));
    previous = snapshot;
  };
  let finish = (): void => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const watch = start(emit);
  emit(watch.snapshot());
  return {
    done,
    quit: () => {
      watch.stop();
      finish();
    },
  };
}
