import { asArray, asObject, asString, eachPiece, sse, startSse, type Api, type Json } from "./api.js";

// OpenAI Chat Completions (opencode through @ai-sdk/openai-compatible): POST /v1/chat/completions,
// unnamed `data:` chunks ending with [DONE].
export const chatCompletions: Api = {
  name: "chat",
  matches: (method, path) => method === "POST" && /^\/v1\/chat\/completions(\?|$)/.test(path),
  read(_path, body) {
    const b = asObject(body);
    const messages = asArray(b.messages).map(asObject);
    const lastUser = messages.filter((m) => m.role === "user").at(-1);
    const content = lastUser?.content;
    const text =
      typeof content === "string"
        ? content
        : asArray(content)
            .map(asObject)
            .map((part) => asString(part.text) ?? "")
            .join("\n");
    const tools = new Map(
      asArray(b.tools)
        .map(asObject)
        .map((tool) => asObject(tool.function))
        .map((fn) => [asString(fn.name) ?? "", fn.parameters]),
    );
    return {
      userText: lastUser === undefined ? null : text,
      toolResult: messages.at(-1)?.role === "tool",
      tools,
      stream: b.stream === true,
      model: asString(b.model) ?? "moor-fake",
    };
  },
  async respond(request, reply, res) {
    const id = `chatcmpl-fake-${Date.now()}`;
    const chunk = (delta: Json, finish: string | null, extra: Json = {}): Json => ({
      id,
      object: "chat.completion.chunk",
      created: Math.floor(Date.now() / 1000),
      model: request.model,
      choices: [{ index: 0, delta, finish_reason: finish }],
      ...extra,
    });
    const usage = { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 };
    if (!request.stream) {
      const message =
        reply.kind === "tool"
          ? { role: "assistant", content: null, tool_calls: [toolCall(reply.name, reply.args)] }
          : { role: "assistant", content: reply.kind === "json" ? JSON.stringify(reply.value) : reply.pieces.join("") };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          id,
          object: "chat.completion",
          created: Math.floor(Date.now() / 1000),
          model: request.model,
          choices: [{ index: 0, message, finish_reason: reply.kind === "tool" ? "tool_calls" : "stop" }],
          usage,
        }),
      );
      return;
    }
    startSse(res);
    sse(res, chunk({ role: "assistant", content: "" }, null));
    if (reply.kind === "tool") {
      sse(res, chunk({ tool_calls: [{ index: 0, ...toolCall(reply.name, reply.args) }] }, null));
    } else {
      await eachPiece(
        reply,
        res,
        (content) => sse(res, chunk({ content }, null)),
        () => res.write(": keep-alive\n\n"),
      );
      if (reply.kind === "json") sse(res, chunk({ content: JSON.stringify(reply.value) }, null));
    }
    sse(res, chunk({}, reply.kind === "tool" ? "tool_calls" : "stop", { usage }));
    sse(res, "[DONE]");
    res.end();
  },
};

function toolCall(name: string, args: Record<string, unknown>): Json {
  return { id: `call_fake_${Date.now()}`, type: "function", function: { name, arguments: JSON.stringify(args) } };
}
