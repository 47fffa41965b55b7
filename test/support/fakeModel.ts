import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { replyFor, type Reply } from "./fakeModel/script.js";
import { anthropic } from "./fakeModel/anthropic.js";
import { chatCompletions } from "./fakeModel/chatCompletions.js";
import { gemini } from "./fakeModel/gemini.js";
import { responses } from "./fakeModel/responses.js";
import type { Api, ApiRequest } from "./fakeModel/api.js";

export { ASKED, PROMPTS } from "./fakeModel/script.js";

// One request as the fake model saw it: which API, the latest user text it decided on, and what it did.
export interface LoggedRequest {
  at: number;
  method: string;
  path: string;
  api: string | null;
  /** The text of the latest user turn (not a tool result), or null. */
  userText: string | null;
  /** true when the request ends with a tool's result. */
  toolResult: boolean;
  reply: Reply["kind"] | "other";
  body: unknown;
}

// A fake model API on 127.0.0.1 that the real agents in the agent box talk to (boxes share the host's
// loopback): Anthropic Messages, OpenAI Responses, OpenAI Chat Completions and Gemini, all streaming.
export interface FakeModel {
  readonly port: number;
  readonly requests: readonly LoggedRequest[];
  /** true once a main-loop request carried TEXT in its latest user turn. */
  received(text: string): boolean;
  close(): Promise<void>;
}

const APIS: Api[] = [anthropic, responses, chatCompletions, gemini];

export async function startFakeModel(options: { port?: number } = {}): Promise<FakeModel> {
  const requests: LoggedRequest[] = [];
  const open = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    open.add(res);
    res.on("close", () => open.delete(res));
    void handle(req, res, requests).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: String(error) } }));
    });
  });
  await new Promise<void>((resolve, reject) =>
    server.once("error", reject).listen(options.port ?? 0, "127.0.0.1", resolve),
  );
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    received: (text) => requests.some((r) => r.userText?.includes(text) === true),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.close(() => resolve());
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, log: LoggedRequest[]): Promise<void> {
  const raw = await readBody(req);
  const body = parseJson(raw);
  const path = req.url ?? "/";
  const api = APIS.find((candidate) => candidate.matches(req.method ?? "GET", path));
  const request: ApiRequest | null = api === undefined || body === undefined ? null : api.read(path, body);
  const reply = request === null ? null : replyFor(request);
  log.push({
    at: Date.now(),
    method: req.method ?? "GET",
    path,
    api: api?.name ?? null,
    userText: request?.userText ?? null,
    toolResult: request?.toolResult ?? false,
    reply: reply?.kind ?? "other",
    body,
  });
  if (api === undefined || request === null || reply === null) return other(req.method ?? "GET", path, res);
  await api.respond(request, reply, res);
}

// Model lists and token counts some agents ask for; anything else is a 404 the log still shows.
function other(method: string, path: string, res: ServerResponse): void {
  const json = (status: number, value: unknown): void => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(value));
  };
  if (path.includes("count_tokens")) return json(200, { input_tokens: 10 });
  if (path.includes(":countTokens")) return json(200, { totalTokens: 10 });
  if (method === "GET" && /\/models\b/.test(path))
    return json(200, {
      object: "list",
      data: [{ id: "moor-fake", object: "model", created: 0, owned_by: "moor" }],
      models: [],
    });
  json(404, { error: { message: `the fake model does not serve ${method} ${path}` } });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseJson(raw: string): unknown {
  if (raw === "") return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}
