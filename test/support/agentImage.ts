import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { boxImage, type BoxVariant } from "./boxImage.js";

const run = promisify(execFile);
const REPO = fileURLToPath(new URL("../../", import.meta.url));
const PROVISION = join(REPO, "docker/provision-agents.sh");
const built = new Map<string, Promise<string>>();

// The pinned versions, read from the one place they are written (docker/agents/package.json).
export function agentVersions(): Record<"claude" | "codex" | "opencode" | "gemini", string> {
  const pins = (
    JSON.parse(readFileSync(join(REPO, "docker/agents/package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    }
  ).dependencies;
  const pin = (name: string): string => pins[name] ?? "unknown";
  return {
    claude: pin("@anthropic-ai/claude-code"),
    codex: pin("@openai/codex"),
    opencode: pin("opencode-ai"),
    gemini: pin("@google/gemini-cli"),
  };
}

// A box image with the real agents, built once per machine: its tag hashes the pins, the context's small
// files and the box image it builds FROM, so any change to those makes a new one and nothing else does.
export function agentImage(variant: BoxVariant): Promise<string> {
  const key = JSON.stringify(variant);
  let image = built.get(key);
  if (image === undefined) {
    image = buildAgentImage(variant);
    built.set(key, image);
    image.catch(() => built.delete(key));
  }
  return image;
}

async function buildAgentImage(variant: BoxVariant): Promise<string> {
  const box = await boxImage(variant);
  const context = (await run("bash", [PROVISION], { maxBuffer: 1 << 20 })).stdout.trim();
  const boxId = (await run("docker", ["image", "inspect", "--format", "{{.Id}}", box])).stdout.trim();
  const name = `moor-test-agents:${contextKey(context, boxId)}`;
  if (await imageExists(name)) return name;
  try {
    await run(
      "docker",
      ["build", "--quiet", "--build-arg", `BOX_IMAGE=${box}`, "--label", "moor.test=agents", "-t", name, context],
      { maxBuffer: 16 << 20 },
    );
  } catch (error) {
    throw new Error(`could not build the agent test box image ${name} from ${context} on ${box}`, { cause: error });
  }
  return name;
}

function contextKey(context: string, boxId: string): string {
  const hash = createHash("sha256").update(boxId);
  const files = [
    "package.json",
    "Dockerfile",
    ...readdirSync(join(context, "box"))
      .sort()
      .map((file) => join("box", file)),
  ];
  for (const file of files) hash.update(file).update(readFileSync(join(context, file)));
  return hash.digest("hex").slice(0, 12);
}

async function imageExists(name: string): Promise<boolean> {
  try {
    await run("docker", ["image", "inspect", name]);
    return true;
  } catch {
    return false;
  }
}
