import type { ServerResponse } from "node:http";
import { asArray, asObject, asString, eachPiece, sse, startSse, type Api, type ApiRequest, type Json } from "./api.js";
import type { Reply } from "./script.js";

// Anthropic Messages (Claude Code): POST /v1/messages, streaming named events.
export const anthropic: Api = {
  name: "anthropic",
  matches: (method, path) => method === "POST" && /^\/v1\/messages(\?|$)/.test(path),
  read(_path, body) {
    const b = asObject(body);
    // Claude Code appends role "system" messages after the user's turn: the latest *user* message decides.
    const last = asArray(b.messages)
      .map(asObject)
      .filter((m) => m.role === "user")
      .at(-1);
    const blocks =
      typeof last?.content === "string" ? [{ type: "text", text: last.content }] : asArray(last?.content).map(asObject);
    const texts = blocks.filter((block) => block.type === "text").map((block) => asString(block.text) ?? "");
    const tools = new Map(
      asArray(b.tools)
        .map(asObject)
        .map((tool) => [asString(tool.name) ?? "", tool.input_schema]),
    );
    return {
      userText: texts.length === 0 ? null : texts.join("\n"),
      toolResult: blocks.some((block) => block.type === "tool_result"),
      tools,
      stream: b.stream === true,
      model: asString(b.model) ?? "moor-fake",
    };
  },
  async respond(request, reply, res) {
    if (!request.stream) return whole(request, reply, res);
    startSse(res);
    const id = `msg_fake_${Date.now()}`;
    sse(
      res,
      {
        type: "message_start",
        message: {
          id,
          type: "message",
          role: "assistant",
          model: request.model,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: 10, output_tokens: 1 },
        },
      },
      "message_start",
    );
    if (reply.kind === "tool") {
      sse(
        res,
        {
          type: "content_block_start",
          index: 0,
          content_block: { type: "tool_use", id: `toolu_fake_${Date.now()}`, name: reply.name, input: {} },
        },
        "content_block_start",
      );
      sse(
        res,
        {
          type: "content_block_delta",
          index: 0,
          delta: { type: "input_json_delta", partial_json: JSON.stringify(reply.args) },
        },
        "content_block_delta",
      );
    } else {
      sse(
        res,
        { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
        "content_block_start",
      );
      await eachPiece(
        reply,
        res,
        (text) =>
          sse(
            res,
            { type: "content_block_delta", index: 0, delta: { type: "text_delta", text } },
            "content_block_delta",
          ),
        () => sse(res, { type: "ping" }, "ping"),
      );
    }
    sse(res, { type: "content_block_stop", index: 0 }, "content_block_stop");
    sse(
      res,
      {
        type: "message_delta",
        delta: { stop_reason: reply.kind === "tool" ? "tool_use" : "end_turn", stop_sequence: null },
        usage: { output_tokens: 10 },
      },
      "message_delta",
    );
    sse(res, { type: "message_stop" }, "message_stop");
    res.end();
  },
};

function whole(request: ApiRequest, reply: Reply, res: ServerResponse): void {
  const content: Json[] =
    reply.kind === "tool"
      ? [{ type: "tool_use", id: `toolu_fake_${Date.now()}`, name: reply.name, input: reply.args }]
      : [{ type: "text", text: reply.kind === "json" ? JSON.stringify(reply.value) : reply.pieces.join("") }];
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      id: `msg_fake_${Date.now()}`,
      type: "message",
      role: "assistant",
      model: request.model,
      content,
      stop_reason: reply.kind === "tool" ? "tool_use" : "end_turn",
      stop_sequence: null,
      usage: { input_tokens: 10, output_tokens: 10 },
    }),
  );
}
