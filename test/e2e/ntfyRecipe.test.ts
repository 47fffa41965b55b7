import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBox, type Box } from "../support/box.js";
import { addBox, makeWorld, MOOR_BIN, moor, type MoorWorld } from "../support/cli.js";
import { run } from "./support/boxFiles.js";

// The README's phone recipe, run as written against a local HTTP server standing in for ntfy (127.0.0.1 only):
// a session that starts asking makes moor watch run notify.command, whose curl posts the target and the question.
interface Posted {
  method: string;
  path: string;
  title: string | undefined;
  body: string;
}

let box: Box;
let world: MoorWorld;
let server: Server;
const posted: Posted[] = [];

// The notify.command line of the README's recipe, exactly as a user would paste it.
function recipeCommand(): string {
  const readme = readFileSync(join(import.meta.dirname, "..", "..", "README.md"), "utf8");
  const line = readme.split("\n").find((candidate) => candidate.startsWith("moor config set notify.command '"));
  if (line === undefined) throw new Error("README.md has no 'moor config set notify.command' recipe line");
  return line.slice("moor config set notify.command '".length, line.lastIndexOf("'"));
}

// A program moor does not ship rules for, taught in the config dir: it waits, and asks once it is given a line.
const ASKER_RULES = {
  version: 1,
  agents: [
    {
      name: "asker",
      label: "Asker",
      match: { commands: ["asker"] },
      rules: [{ id: "asker.question", state: "asking", reason: "asker asks", region: "screen", any: ["\\?$"] }],
      dialog: {
        region: "screen",
        question: ["\\?$"],
        option: "^\\s*(?<number>\\d+)\\.\\s+(?<label>\\S.*)$",
        pick: "digit",
        yes: "^Yes",
        no: "^No",
      },
      otherwise: "waiting",
    },
  ],
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const title = req.headers.title;
      posted.push({
        method: req.method ?? "",
        path: req.url ?? "",
        title: Array.isArray(title) ? title[0] : title,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  box = await startBox();
  world = makeWorld({ NTFY_URL: `http://127.0.0.1:${String(port)}`, NTFY_TOPIC: "moor-e2e" });
  await addBox(world, "box", box);
  mkdirSync(world.configDir, { recursive: true });
  writeFileSync(join(world.configDir, "agents.json"), JSON.stringify(ASKER_RULES));
});

afterAll(async () => {
  await box?.stop();
  await new Promise((resolve) => server?.close(resolve));
});

async function until<T>(what: string | (() => string), probe: () => T | undefined, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === "string" ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the README's ntfy recipe", () => {
  it("posts the target and state as the title and the question with its options as the body", async () => {
    const script = "read line; printf 'Allow edit to app.ts?\\n  1. Yes\\n  2. Yes, always\\n  3. No\\n'; sleep 600";
    await run(box, ["tmux", "new-session", "-d", "-s", "q", "-x", "100", "-y", "20", `sh -c "${script}" asker`]);
    const set = await moor(world, ["config", "set", "notify.command", recipeCommand()]);
    expect(set.code, set.stderr).toBe(0);
    let stdout = "";
    const watch: ChildProcess = spawn(process.execPath, [MOOR_BIN, "watch", "--json", "--interval", "0.5", "box:q"], {
      env: world.env,
    });
    watch.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    watch.stderr?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    try {
      await until(
        () => `watch to see box:q waiting (it printed: ${stdout.slice(-1500)})`,
        () => (/"session":"q".*"status":"waiting"/.test(stdout) ? true : undefined),
      );
      const sent = await moor(world, ["send", "box:q", "go"]);
      expect(sent.code, sent.stderr).toBe(0);
      const post = await until("ntfy to get a post", () => posted[0]);
      expect(post).toEqual({
        method: "POST",
        path: "/moor-e2e",
        title: "box:q asking",
        body: "Allow edit to app.ts?\n1. Yes\n2. Yes, always\n3. No",
      });
    } finally {
      watch.kill("SIGINT");
      await moor(world, ["config", "unset", "notify.command"]);
    }
  });
});
