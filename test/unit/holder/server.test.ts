import { mkdtempSync } from "node:fs";
import { text } from "node:stream/consumers";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MoorContext } from "../../../src/core/moorContext.js";
import { ExitCode, MoorError } from "../../../src/errors.js";
import type { RunCommand, StdinFeed } from "../../../src/holder/runRequest.js";
import { HolderServer } from "../../../src/holder/server.js";
import { PROTOCOL, type Reply, type Request } from "../../../src/holder/protocol.js";
import { HostLink } from "../../../src/link/hostLink.js";
import { FakeClock } from "../fakes/fakeClock.js";
import { FakeSession } from "../fakes/fakeSession.js";
import type { ExecOptions, ExecResult } from "../../../src/ssh/types.js";

const refused = (): Error => Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });

function holder(
  options: {
    persist?: number;
    connect?: (name: string) => Promise<FakeSession>;
    /** Who runs a client's command (null: none, runs are handed back); by default execRun. */
    runCommand?: RunCommand | null;
  } = {},
) {
  const clock = new FakeClock();
  const session = new FakeSession((command) => ({ stdout: Buffer.from(`ran ${command}\n`) }), clock.now());
  const dir = mkdtempSync(join(tmpdir(), "moor-holder-unit-"));
  let stopped = 0;
  let contexts = 0;
  const server = new HolderServer({
    paths: { dir, socket: join(dir, "h.sock"), lock: join(dir, "h.lock"), log: join(dir, "h.log") },
    version: "9.9.9",
    clock,
    persistMinutes: () => options.persist ?? 10,
    makeContext: () => {
      contexts++;
      return new MoorContext({
        configDir: dir,
        home: dir,
        env: {},
        makeLink: (name, linkOptions) =>
          new HostLink({
            label: name,
            retry: linkOptions.retry ?? { retries: 0, minDelayMs: 1, maxDelayMs: 1, factor: 1 },
            clock,
            connect: options.connect ? () => options.connect!(name) : () => Promise.resolve(session),
          }),
      });
    },
    watchedFiles: [],
    log: () => undefined,
    onStopped: () => stopped++,
    ...(options.runCommand === null ? {} : { runCommand: options.runCommand ?? execRun }),
  });
  // A client: when the run asks for standard input, it sends INPUT and its end.
  const ask = async (request: Request, input?: string): Promise<Reply[]> => {
    const replies: Reply[] = [];
    const inputs = new Map<number, StdinFeed>();
    const gone = new AbortController().signal;
    const send = (reply: Reply): void => {
      replies.push(reply);
      if (reply.kind === "stdin")
        void server.answer(
          { id: reply.id, kind: "stdin", data: Buffer.from(input ?? "").toString("base64"), end: true },
          send,
          gone,
          inputs,
        );
    };
    await server.answer(request, send, gone, inputs);
    return replies;
  };
  return { server, clock, session, ask, stopped: () => stopped, contexts: () => contexts };
}

// A stand-in for the CLI's run(): `HOST ARGV…` runs ARGV on HOST over the holder's link (with the client's standard
// input when STDIN=1, and RETRIES as its retries) and prints its output; a MoorError's message goes to stderr and its
// exit code is the run's.
const execRun: RunCommand = async ({ request, write, stdin, remoteFor }) => {
  const [host = "box", ...argv] = request.args;
  const input = request.env.STDIN === "1" ? await text(stdin) : undefined;
  try {
    const remote = remoteFor(
      host,
      { retries: Number(request.env.RETRIES ?? "3"), deadlineMs: 42_100 },
      () => undefined,
    );
    const result = await remote.exec(argv, input === undefined ? {} : { stdin: input });
    write(1, result.stdout);
    return result.code;
  } catch (error) {
    if (!(error instanceof MoorError)) throw error;
    write(2, Buffer.from(error.message));
    return error.exitCode;
  }
};

const exec = (argv: string[], env: Record<string, string> = {}, host = "box"): Request => ({
  id: 7,
  kind: "run",
  args: [host, ...argv],
  env,
  tty: { stdout: false, stderr: false },
});

const output = (replies: Reply[], fd: 1 | 2): string =>
  replies
    .flatMap((reply) =>
      reply.kind === "output" && reply.fd === fd ? [Buffer.from(reply.data, "base64").toString()] : [],
    )
    .join("");

describe("the holder", () => {
  it("says hello with its version, and runs a command over its link to the host", async () => {
    const { ask, session } = holder();
    expect(await ask({ id: 1, kind: "hello", protocol: PROTOCOL, version: "9.9.9" })).toEqual([
      { id: 1, kind: "hello", protocol: PROTOCOL, version: "9.9.9", pid: process.pid },
    ]);
    const replies = await ask(exec(["tmux", "-V"], { STDIN: "1" }), "in é");
    expect(output(replies, 1)).toBe("ran tmux -V\n");
    expect(replies.at(-1)).toEqual({ id: 7, kind: "exit", code: 0 });
    // Standard input is asked of the client once, when the run reads it, and arrives whole.
    expect(replies.filter((reply) => reply.kind === "stdin")).toEqual([{ id: 7, kind: "stdin" }]);
    expect(session.stdins).toEqual(["in é"]);
    // A run that never reads it never asks.
    expect((await ask(exec(["true"]))).some((reply) => reply.kind === "stdin")).toBe(false);
  });

  it("exits after persist minutes unused, counted from the last use (injected clock)", async () => {
    const { server, clock, ask, stopped } = holder({ persist: 2 });
    clock.advance(60_000);
    await ask(exec(["true"]));
    clock.advance(119_000);
    expect(stopped()).toBe(0);
    clock.advance(2_000);
    expect(stopped()).toBe(1);
    expect(server.status().persistMinutes).toBe(2);
  });

  it("with persist 0 stops at the first check", () => {
    const { clock, stopped } = holder({ persist: 0 });
    clock.advance(1_000);
    expect(stopped()).toBe(1);
  });

  it("gives up as a direct link would (exit 3 after the command's retries), and hands authentication back", async () => {
    const down = holder({ connect: () => Promise.reject(refused()) });
    const replies = await down.ask(exec(["true"], { RETRIES: "0" }));
    expect(replies.at(-1)).toEqual({ id: 7, kind: "exit", code: ExitCode.unreachable });
    expect(output(replies, 2)).toContain("box unreachable");
    const auth = holder({ connect: () => Promise.reject(new MoorError("box: authentication failed", ExitCode.auth)) });
    expect((await auth.ask(exec(["true"]))).at(-1)).toMatchObject({ kind: "fallback" });
  });

  it("reports each host's link and last use", async () => {
    const { server, ask, clock } = holder();
    await ask(exec(["true"]));
    clock.advance(1_000);
    const status = server.status();
    expect(status).toMatchObject({ version: "9.9.9", uptimeSeconds: 1, hosts: [{ host: "box", link: "up" }] });
    server.stop();
  });

  it("answers an unknown host as the direct run does (exit 5)", async () => {
    const clock = new FakeClock();
    const dir = mkdtempSync(join(tmpdir(), "moor-holder-unit-"));
    const server = new HolderServer({
      paths: { dir, socket: join(dir, "h.sock"), lock: join(dir, "h.lock"), log: join(dir, "h.log") },
      version: "1",
      clock,
      persistMinutes: () => 10,
      makeContext: () => new MoorContext({ configDir: join(dir, "config"), home: dir, env: { USER: "me" } }),
      watchedFiles: [],
      log: () => undefined,
      onStopped: () => undefined,
      runCommand: execRun,
    });
    const replies: Reply[] = [];
    await server.answer(exec(["true"], {}, "nosuch"), (reply) => replies.push(reply));
    expect(replies.at(-1)).toEqual({ id: 7, kind: "exit", code: ExitCode.notFound });
  });

  describe("running a whole command for a thin client", () => {
    const run = (args: string[]): Request => ({
      id: 9,
      kind: "run",
      args,
      env: { TERM: "xterm" },
      tty: { stdout: false, stderr: false },
    });
    // A stand-in for the CLI's run(): runs `tmux ARGS` on box over the holder's link, prints its output, exits 3.
    const printsTmux: RunCommand = async ({ request, write, remoteFor }) => {
      write(2, Buffer.from("progress\n"));
      const result = await remoteFor("box", { retries: 0, deadlineMs: 4_000 }, () => undefined).exec([
        "tmux",
        ...request.args,
      ]);
      write(1, result.stdout);
      return 3;
    };
    const texts = (replies: Reply[], fd: 1 | 2): string =>
      replies
        .flatMap((reply) =>
          reply.kind === "output" && reply.fd === fd ? [Buffer.from(reply.data, "base64").toString()] : [],
        )
        .join("");

    it("streams the run's output over the holder's own link and ends with its exit code", async () => {
      const { ask, server } = holder({ runCommand: printsTmux });
      const replies = await ask(run(["ls"]));
      expect(texts(replies, 2)).toBe("progress\n");
      expect(texts(replies, 1)).toBe("ran tmux ls\n");
      expect(replies.at(-1)).toEqual({ id: 9, kind: "exit", code: 3 });
      // The client learns when the run first reaches a host (before that, nothing can have changed there), once.
      const kinds = replies.map((reply) => reply.kind);
      expect(kinds.filter((kind) => kind === "remote")).toHaveLength(1);
      expect(kinds.indexOf("remote")).toBeGreaterThan(kinds.indexOf("output"));
      expect(kinds.indexOf("remote")).toBeLessThan(kinds.lastIndexOf("output"));
      expect(server.status().hosts).toMatchObject([{ host: "box", link: "up" }]);
    });

    it("hands the run back, with nothing more said, when a host needs a prompt (authentication, a host key)", async () => {
      const { ask } = holder({
        runCommand: printsTmux,
        connect: () => Promise.reject(new MoorError("box: authentication failed", ExitCode.auth)),
      });
      const replies = await ask(run(["ls"]));
      const last = replies.at(-1);
      expect(last).toMatchObject({ id: 9, kind: "fallback" });
      expect(last?.kind === "fallback" ? last.reason : "").toContain("authentication failed");
      expect(texts(replies, 1)).toBe("");
    });

    it("keeps a run whose stdout has started, and hands back a run it cannot make (no runner, a runner that throws)", async () => {
      const printsFirst: RunCommand = async ({ write, remoteFor }) => {
        write(1, Buffer.from("half\n"));
        await remoteFor("box", { retries: 0, deadlineMs: 4_000 }, () => undefined)
          .exec(["true"])
          .catch(() => undefined);
        return 4;
      };
      const started = holder({
        runCommand: printsFirst,
        connect: () => Promise.reject(new MoorError("box: authentication failed", ExitCode.auth)),
      });
      expect((await started.ask(run(["ls"]))).at(-1)).toEqual({ id: 9, kind: "exit", code: 4 });
      expect((await holder({ runCommand: null }).ask(run(["ls"]))).at(-1)).toMatchObject({ kind: "fallback" });
      const throws = holder({ runCommand: () => Promise.reject(new Error("boom")) });
      const thrown = (await throws.ask(run(["ls"]))).at(-1);
      expect(thrown?.kind === "fallback" ? thrown.reason : "").toContain("boom");
    });

    it("answers for a dark host within the command's deadline (exit 3), says it waits after a second, and never holds up another host", async () => {
      // A dark network: the connection looks up, but no channel ever opens and no byte comes back.
      const dark = new (class extends FakeSession {
        override exec(): Promise<never> {
          return new Promise(() => undefined);
        }
      })(undefined, 1_000_000);
      const live = new FakeSession((command) => ({ stdout: Buffer.from(`ran ${command}\n`) }));
      const said: string[] = [];
      const ended: string[] = [];
      const both: RunCommand = async ({ remoteFor }) => {
        const ask = (host: string) =>
          remoteFor(host, { retries: 0, deadlineMs: 4_000 }, (state) => {
            if (["quiet", "down", "retrying"].includes(state.kind)) said.push(`${host} ${state.kind}`);
          })
            .exec(["tmux", "ls"])
            .then(
              () => ended.push(`${host} ok`),
              (error: unknown) => ended.push(`${host} ${error instanceof MoorError ? String(error.exitCode) : "?"}`),
            );
        await Promise.all([ask("dark"), ask("box")]);
        return 0;
      };
      const { ask, clock } = holder({
        runCommand: both,
        connect: (name) => Promise.resolve(name === "dark" ? dark : live),
      });
      const replies = ask(run(["ls"]));
      await new Promise((resolve) => setImmediate(resolve));
      expect(ended).toEqual(["box ok"]);
      expect(said).toEqual([]);
      clock.advance(1_000);
      expect(said).toEqual(["dark quiet"]);
      clock.advance(2_900);
      await new Promise((resolve) => setImmediate(resolve));
      expect(ended).toEqual(["box ok"]);
      clock.advance(100);
      expect((await replies).at(-1)).toEqual({ id: 9, kind: "exit", code: 0 });
      expect(ended).toEqual(["box ok", `dark ${String(ExitCode.unreachable)}`]);
    });

    it("lets a command whose channel opened run past the deadline", async () => {
      let finish: () => void = () => undefined;
      const slow = new (class extends FakeSession {
        override exec(_command: string, options: ExecOptions = {}): Promise<ExecResult> {
          options.onOpen?.();
          return new Promise((resolve) => {
            finish = () => resolve({ code: 0, stdout: Buffer.from("late\n"), stderr: Buffer.alloc(0) });
          });
        }
      })();
      const prints: RunCommand = async ({ write, remoteFor }) => {
        write(1, (await remoteFor("box", { retries: 0, deadlineMs: 4_000 }, () => undefined).exec(["x"])).stdout);
        return 0;
      };
      const { ask, clock } = holder({ runCommand: prints, connect: () => Promise.resolve(slow) });
      const replies = ask(run(["ls"]));
      await new Promise((resolve) => setImmediate(resolve));
      clock.advance(60_000);
      finish();
      const done = await replies;
      expect(texts(done, 1)).toBe("late\n");
      expect(done.at(-1)).toEqual({ id: 9, kind: "exit", code: 0 });
    });
  });
});
