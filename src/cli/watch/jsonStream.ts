import { MoorError, type ExitCode } from "../../errors.js";
import { systemClock } from "../../clock.js";
import type { HostWatch } from "../../core/overview/watchHosts.js";
import { diffSnapshots } from "../../core/overview/watchEvents.js";
import type { WatchSnapshot } from "../../core/overview/watchTypes.js";
import type { RunningView } from "./watchView.js";

// moor watch --json (or without a terminal): one JSON event a line, the whole picture first, then changes.
// It runs until stopped, unless every host has failed for good (a refused key, a changed host key):
// nothing would ever change, so it ends with that failure's exit code.
export function runJsonStream(
  start: (onChange: (snapshot: WatchSnapshot) => void) => HostWatch,
  writeLine: (line: string) => void,
  notice: (message: string) => void = () => undefined,
): RunningView {
  let previous: WatchSnapshot | undefined;
  let settle: (failure?: MoorError) => void = () => undefined;
  const done = new Promise<void>((resolve, reject) => {
    settle = (failure) => (failure ? reject(failure) : resolve());
  });
  // The event loop has nothing else to wait on when every link has given up; this keeps it until done.
  const release = systemClock.hold();
  const finish = (failure?: MoorError): void => {
    release();
    watch.stop();
    settle(failure);
  };
  const emit = (snapshot: WatchSnapshot): void => {
    for (const event of diffSnapshots(previous, snapshot)) writeLine(JSON.stringify(event));
    previous = snapshot;
    const failure = everyHostFailed(snapshot);
    if (failure) queueMicrotask(() => finish(failure));
  };
  // Finishing is queued, so it never runs before this line has assigned the watch.
  const watch = start(emit);
  emit(watch.snapshot());
  return { done, quit: () => finish(), notice };
}

function everyHostFailed(snapshot: WatchSnapshot): MoorError | undefined {
  const failed = snapshot.hosts.map((host) => host.link).filter((link) => link.kind === "failed");
  const first = failed[0];
  if (first === undefined || failed.length !== snapshot.hosts.length) return undefined;
  return new MoorError(`every watched host failed for good; first: ${first.reason}`, first.exitCode as ExitCode, {
    hint: "fix the first failure (see its event above), then run moor watch again",
  });
}
