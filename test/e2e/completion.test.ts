import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBox, type Box } from "../support/box.js";
import { MOOR_BIN, addBox, makeWorld, moor, type MoorWorld } from "../support/cli.js";

let box: Box;
let world: MoorWorld;
let env: NodeJS.ProcessEnv;
let silent: Server;
const held: Socket[] = [];

// Runs a shell script with `moor` on PATH (the built bin entry) in the test's world.
function shell(program: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(program, args, { env, timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({
        code: error ? Number((error as { code?: number }).code ?? 1) : 0,
        stdout,
        stderr,
        ms: Date.now() - started,
      });
    });
  });
}

// bash's completion as bash would call it: COMP_WORDS split at ':' as COMP_WORDBREAKS does.
// A box's listing gets 10 s here (a loaded test machine); the real deadline is tested on its own below.
async function bashComplete(words: string[]): Promise<string[]> {
  const quoted = words.map((word) => `'${word}'`).join(" ");
  const script = `export MOOR_COMPLETION_DEADLINE_MS=10000; source <(moor completion bash); COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _moor_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const run = await shell("bash", ["--norc", "--noprofile", "-c", script]);
  expect(run.stderr).toBe("");
  return run.stdout.split("\n").filter((line) => line !== "");
}

async function fishComplete(line: string): Promise<string[]> {
  const run = await shell("fish", [
    "--no-config",
    "-c",
    `set -x MOOR_COMPLETION_DEADLINE_MS 10000; moor completion fish | source; complete -C '${line}'`,
  ]);
  expect(run.stderr).toBe("");
  return run.stdout
    .split("\n")
    .filter((entry) => entry !== "")
    .map((entry) => entry.split("\t")[0] ?? "");
}

beforeAll(async () => {
  box = await startBox();
  world = makeWorld();
  await addBox(world, "box1", box);
  const made = await moor(world, ["new", "box1:agent", "--window", "logs", "--", "sleep", "600"]);
  if (made.code !== 0) throw new Error(`moor new failed: ${made.stderr}`);
  writeFileSync(
    join(world.home, ".ssh", "config"),
    "Host alias1 alias2 *.wild\n  HostName 127.0.0.1\nHost !nope gpu-?\n",
  );
  // A host that accepts the connection and never says a word: listing it must not hold up a Tab.
  silent = createServer((socket) => held.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  const port = (silent.address() as { port: number }).port;
  const registry = join(world.configDir, "hosts.json");
  const data = JSON.parse(readFileSync(registry, "utf8")) as { hosts: Record<string, unknown> };
  data.hosts.silent = { name: "silent", hostname: "127.0.0.1", port, user: "moor" };
  writeFileSync(registry, JSON.stringify(data));
  const bin = mkdtempSync(join(tmpdir(), "moor-bin-"));
  writeFileSync(join(bin, "moor"), `#!/bin/sh\nexec '${process.execPath}' '${MOOR_BIN}' "$@"\n`);
  chmodSync(join(bin, "moor"), 0o755);
  env = { ...world.env, PATH: [bin, process.env.PATH].join(delimiter) };
});

afterAll(async () => {
  for (const socket of held) socket.destroy();
  silent?.close();
  await box?.stop();
});

describe("moor completion bash", () => {
  it("registers a completion function for moor", async () => {
    const run = await shell("bash", [
      "--norc",
      "--noprofile",
      "-c",
      "source <(moor completion bash) && complete -p moor",
    ]);
    expect(run).toMatchObject({ code: 0, stdout: "complete -F _moor_complete moor\n", stderr: "" });
  });

  it("completes commands, subcommands and options from the command tree", async () => {
    expect(await bashComplete(["moor", "pe"])).toEqual(["peek"]);
    expect(await bashComplete(["moor", "host", ""])).toEqual(["add", "ls", "rm", "test"]);
    expect(await bashComplete(["moor", "logs", "box1:agent", "--f"])).toEqual(["--follow"]);
    expect(await bashComplete(["moor", "completion", ""])).toEqual([]);
  });

  it("completes host names from the registry and ~/.ssh/config (no patterns)", async () => {
    expect(await bashComplete(["moor", "host", "test", ""])).toEqual(["alias1", "alias2", "box1", "silent"]);
    expect(await bashComplete(["moor", "ls", "b"])).toEqual(["box1"]);
    expect(await bashComplete(["moor", "peek", "al"])).toEqual(["alias1:", "alias2:"]);
  });

  it("completes HOST:SESSION and HOST:SESSION:WINDOW after a host, from the box", async () => {
    // bash hands "box1:a" over as three words and replaces only the last one.
    const named = await bashComplete(["moor", "peek", "box1", ":", "a"]);
    expect(named).toContain("agent");
    expect(named).toContain("agent:logs");
    expect(named.every((target) => target.startsWith("agent"))).toBe(true);
    const targets = await bashComplete(["moor", "attach", "box1", ":"]);
    expect(targets).toContain(":agent");
    expect(targets).toContain(":agent:logs");
  });

  it("gives up on a host that does not answer within a second", async () => {
    // Without the deadline this costs ls's 4 s handshake timeout; with it, Node's start-up and 0.8 s.
    const started = Date.now();
    const run = await moor(world, ["__complete", "--", "peek", "silent:"]);
    expect(run).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(Date.now() - started).toBeLessThan(3_500);
  });
});

describe("moor completion zsh and fish", () => {
  it("print scripts their shells parse", async () => {
    for (const [program, check] of [
      ["zsh", "-n"],
      ["fish", "-n"],
    ] as const) {
      const script = join(world.home, `moor.${program}`);
      writeFileSync(script, (await moor(world, ["completion", program])).stdout);
      expect(await shell(program, [check, script]), program).toMatchObject({ code: 0, stderr: "" });
    }
  });

  it("fish completes commands, hosts and targets", async () => {
    expect(await fishComplete("moor pe")).toEqual(["peek"]);
    expect(await fishComplete("moor host rm b")).toEqual(["box1"]);
    expect(await fishComplete("moor peek box1:ag")).toContain("box1:agent");
  });
});
