import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBox, type Box } from "../support/box.js";
import { addBox, makeWorld, moor, type MoorWorld } from "../support/cli.js";
import { startFlakyLink, type FlakyLink } from "../support/flakyLink.js";
import { defaultRelease } from "../support/tmuxReleases.js";
import { WatchRun, until, type WatchEvent } from "./support/watchRun.js";

// tmux >= 3.2 tells moor of changes through one control-mode client per host; 3.1 is polled. Either way the user's
// tmux must look as if moor were not there: sessions unattached, sizes and bell flags their own, no helper session
// in anything moor shows, and none left once watch ends. Runs on every release (test/support/compat.ts).
const release = defaultRelease();
const pushes = release !== "3.1";
const isHelper = (name: string): boolean => name.startsWith("_moor-control-");
const STARTS = "/tmp/tmux-starts";

let box: Box;
let flaky: FlakyLink;
let world: MoorWorld;

// Every tmux process started on the box, counted by a wrapper in front of the real binary (exec -a: tmux -V names
// the binary as it was called).
async function tmuxStarts(): Promise<number> {
  const result = await box.exec(["sh", "-c", `wc -l < ${STARTS}`]);
  return Number(result.stdout.trim());
}

interface SessionLook {
  attached: number;
  size: string;
  bell: number;
}

async function sessions(): Promise<Map<string, SessionLook>> {
  const format = "#{session_name} #{session_attached} #{window_width}x#{window_height} #{window_bell_flag}";
  const result = await box.exec(["tmux", "list-windows", "-a", "-F", format]);
  const looks = new Map<string, SessionLook>();
  for (const line of result.stdout.split("\n").filter(Boolean)) {
    const [name = "", attached = "", size = "", bell = ""] = line.split(" ");
    looks.set(name, { attached: Number(attached), size, bell: Number(bell) });
  }
  return looks;
}

const lineOf = (session: string, text: string) => (event: WatchEvent) =>
  event.type === "session" && event.session === session && (event.line ?? "").includes(text);

beforeAll(async () => {
  box = await startBox();
  const wrapper = String.raw`real=$(command -v tmux); mv "$real" "$real.real"
printf '#!/bin/bash\necho "$*" >> ${STARTS}\nexec -a tmux %s.real "$@"\n' "$real" > "$real"; chmod 755 "$real"
: > ${STARTS}; chmod 666 ${STARTS}`;
  await box.exec(["sh", "-c", wrapper], { user: "root" });
  const tmux = (...args: string[]) => box.exec(["tmux", ...args]);
  await tmux(
    "new-session",
    "-d",
    "-s",
    "ticking",
    "-x",
    "100",
    "-y",
    "30",
    "sh -c 'while :; do date +%T.%N; sleep 1; done'",
  );
  await tmux("new-session", "-d", "-s", "shell", "-x", "90", "-y", "20", "sh");
  await tmux(
    "new-session",
    "-d",
    "-s",
    "bell",
    "-x",
    "80",
    "-y",
    "24",
    `sh -c 'sleep 1; printf "\\a"; exec sleep 600'`,
  );
  flaky = await startFlakyLink(box.host, box.port);
  world = makeWorld({ MOOR_WATCH_CONTROL: "1" });
  await addBox(world, "box", box, { port: flaky.port });
});

afterAll(async () => {
  await flaky?.close();
  await box?.stop();
});

describe(`watch on tmux ${release} (${pushes ? "control mode" : "poll"})`, () => {
  it("leaves the user's tmux as it was, starts no tmux at rest, hears changes, recovers a cut and removes its helper", async () => {
    const watch = new WatchRun(["--json"], world.env);
    try {
      for (const session of ["ticking", "shell", "bell"])
        await watch.next((event) => event.type === "session" && event.session === session, 0, 20_000);

      // The user's sessions: unattached, their own sizes, the bell flagged as tmux flags it with no client at all
      // (3.1c never flags it then); the helper only with control mode.
      const bell = pushes ? 1 : 0;
      const looks = await until(
        "the bell flagged as without moor",
        async () => {
          const now = await sessions();
          return now.get("bell")?.bell === bell ? now : undefined;
        },
        10_000,
      );
      expect(looks.get("ticking")).toEqual({ attached: 0, size: "100x30", bell: 0 });
      expect(looks.get("shell")).toEqual({ attached: 0, size: "90x20", bell: 0 });
      expect(looks.get("bell")).toEqual({ attached: 0, size: "80x24", bell });
      expect([...looks.keys()].filter(isHelper)).toHaveLength(pushes ? 1 : 0);
      expect(watch.events.some((event) => isHelper(event.session ?? ""))).toBe(false);
      const ls = await moor(world, ["ls", "--json"]);
      expect(ls.code).toBe(0);
      expect(ls.stdout).toContain('"ticking"');
      expect(ls.stdout).not.toContain("_moor-control");

      // At rest (one session printing every second): tmux processes started in 6 s.
      const before = await tmuxStarts();
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      const started = (await tmuxStarts()) - before;
      console.log(`tmux ${release}: ${String(started)} tmux processes started on the box in 6 s of watch at rest`);
      if (pushes) expect(started).toBeLessThanOrEqual(1);
      else expect(started).toBeGreaterThanOrEqual(3);

      // A screen change arrives as an event (printf leaves the prompt after the text, on the last line). The user's
      // own send-keys works while moor's client is attached (3.8 refused it when that client was read-only).
      const from = watch.events.length;
      const sent = Date.now();
      const typed = await box.exec(["tmux", "send-keys", "-t", "=shell:", "printf moor-ping-1", "Enter"]);
      expect(typed).toMatchObject({ exitCode: 0, stderr: "" });
      const ping = await watch.next(lineOf("shell", "moor-ping-1"), from, 10_000);
      console.log(`tmux ${release}: send-keys -> event ${String(ping.receivedAt - sent)} ms`);

      // A cut link: the host goes down, comes back, and changes arrive again, through one helper client.
      const cutFrom = watch.events.length;
      await flaky.setMode("reset");
      await watch.next((event) => event.type === "link" && event.kind === "down", cutFrom, 15_000);
      await watch.next((event) => event.type === "link" && event.kind === "up", cutFrom, 15_000);
      const againFrom = watch.events.length;
      await box.exec(["tmux", "send-keys", "-t", "=shell:", "printf moor-ping-2", "Enter"]);
      await watch.next(lineOf("shell", "moor-ping-2"), againFrom, 15_000);
      if (pushes) {
        // The old client goes once sshd sees its connection gone; the new one is on the helper.
        let count = -1;
        await until(
          "one control client on a helper",
          async () => {
            const result = await box.exec(["tmux", "list-clients", "-F", "#{client_session}"]);
            count = result.stdout.split("\n").filter(isHelper).length;
            return count === 1 ? count : undefined;
          },
          10_000,
        ).catch((error: unknown) => {
          throw new Error(`${String(count)} control clients on the helper`, { cause: error });
        });
      }
    } finally {
      expect(await watch.stop()).toBe(0);
    }
    // Once watch has gone, so has the helper; the user's sessions are untouched.
    const after = await until(
      "the helper gone",
      async () => {
        const now = await sessions();
        return [...now.keys()].some(isHelper) ? undefined : now;
      },
      10_000,
    );
    expect([...after.keys()].sort()).toEqual(["bell", "shell", "ticking"]);
    expect(after.get("ticking")).toMatchObject({ attached: 0, size: "100x30" });
  });
});
