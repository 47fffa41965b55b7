import type { ServerResponse } from "node:http";
import type { Reply } from "./script.js";

// What the script needs from any API's request: the latest user text, whether a tool result ends the
// conversation, the tools offered (name → JSON schema of the arguments) and any JSON schema asked for.
export interface ApiRequest {
  userText: string | null;
  toolResult: boolean;
  tools: Map<string, unknown>;
  stream: boolean;
  /** A JSON schema the answer must fit (Gemini's router and next-speaker checks). */
  jsonSchema?: unknown;
  model: string;
}

export interface Api {
  readonly name: string;
  matches(method: string, path: string): boolean;
  read(path: string, body: unknown): ApiRequest;
  respond(request: ApiRequest, reply: Reply, res: ServerResponse): Promise<void>;
}

export type Json = Record<string, unknown>;

export const asObject = (value: unknown): Json =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
export const asString = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// Server-sent events: `event:` lines only where the API names its events.
export function startSse(res: ServerResponse): void {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  res.flushHeaders();
}

export function sse(res: ServerResponse, data: unknown, event?: string): void {
  if (res.destroyed) return;
  res.write(
    `${event === undefined ? "" : `event: ${event}\n`}data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`,
  );
}

// The answer's text in the pieces it is streamed in, with the pause before each piece.
export async function eachPiece(
  reply: Reply,
  res: ServerResponse,
  emit: (piece: string) => void,
  keepAlive: () => void,
): Promise<void> {
  if (reply.kind === "think") {
    const until = Date.now() + reply.ms;
    while (Date.now() < until && !res.destroyed) {
      keepAlive();
      await sleep(Math.min(1000, until - Date.now()));
    }
  }
  if (reply.kind === "tool" || reply.kind === "json") return;
  for (const piece of reply.pieces) {
    if (res.destroyed) return;
    emit(piece);
    if (reply.kind === "stream") await sleep(reply.pieceMs);
  }
}
