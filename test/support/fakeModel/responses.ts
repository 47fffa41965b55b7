import { asArray, asObject, asString, eachPiece, sse, startSse, type Api, type Json } from "./api.js";

// OpenAI Responses (Codex): POST /v1/responses, streaming named events; Codex reads whole items from
// response.output_item.done and the end of the turn from response.completed.
export const responses: Api = {
  name: "responses",
  matches: (method, path) => method === "POST" && /^\/v1\/responses(\?|$)/.test(path),
  read(_path, body) {
    const b = asObject(body);
    const input = asArray(b.input).map(asObject);
    const lastUser = input
      .filter((item) => item.role === "user" && (item.type === undefined || item.type === "message"))
      .at(-1);
    const parts =
      typeof lastUser?.content === "string"
        ? [{ type: "input_text", text: lastUser.content }]
        : asArray(lastUser?.content).map(asObject);
    const texts = parts.map((part) => asString(part.text)).filter((text): text is string => text !== undefined);
    const lastItem = input.at(-1);
    const tools = new Map(
      asArray(b.tools)
        .map(asObject)
        .map((tool) => [asString(tool.name) ?? asString(tool.type) ?? "", tool.parameters]),
    );
    return {
      userText: texts.length === 0 ? null : texts.join("\n"),
      toolResult: typeof lastItem?.type === "string" && lastItem.type.endsWith("_output"),
      tools,
      stream: b.stream !== false,
      model: asString(b.model) ?? "moor-fake",
    };
  },
  async respond(request, reply, res) {
    startSse(res);
    const id = `resp_fake_${Date.now()}`;
    const response = (status: string, output: Json[]): Json => ({
      id,
      object: "response",
      created_at: Math.floor(Date.now() / 1000),
      status,
      model: request.model,
      output,
      usage: status === "completed" ? usage : null,
    });
    sse(res, { type: "response.created", response: response("in_progress", []) }, "response.created");
    let item: Json;
    if (reply.kind === "tool") {
      const callId = `call_fake_${Date.now()}`;
      item = {
        type: "function_call",
        id: `fc_${callId}`,
        call_id: callId,
        name: reply.name,
        arguments: JSON.stringify(reply.args),
        status: "completed",
      };
      sse(
        res,
        {
          type: "response.output_item.added",
          output_index: 0,
          item: { ...item, arguments: "", status: "in_progress" },
        },
        "response.output_item.added",
      );
    } else {
      const itemId = `msg_fake_${Date.now()}`;
      sse(
        res,
        {
          type: "response.output_item.added",
          output_index: 0,
          item: { type: "message", id: itemId, role: "assistant", status: "in_progress", content: [] },
        },
        "response.output_item.added",
      );
      sse(
        res,
        {
          type: "response.content_part.added",
          item_id: itemId,
          output_index: 0,
          content_index: 0,
          part: { type: "output_text", text: "", annotations: [] },
        },
        "response.content_part.added",
      );
      let text = "";
      await eachPiece(
        reply,
        res,
        (delta) => {
          text += delta;
          sse(
            res,
            { type: "response.output_text.delta", item_id: itemId, output_index: 0, content_index: 0, delta },
            "response.output_text.delta",
          );
        },
        () => res.write(": keep-alive\n\n"),
      );
      if (reply.kind === "json") text = JSON.stringify(reply.value);
      sse(
        res,
        { type: "response.output_text.done", item_id: itemId, output_index: 0, content_index: 0, text },
        "response.output_text.done",
      );
      item = {
        type: "message",
        id: itemId,
        role: "assistant",
        status: "completed",
        content: [{ type: "output_text", text, annotations: [] }],
      };
    }
    sse(res, { type: "response.output_item.done", output_index: 0, item }, "response.output_item.done");
    sse(res, { type: "response.completed", response: response("completed", [item]) }, "response.completed");
    res.end();
  },
};

const usage = {
  input_tokens: 10,
  input_tokens_details: { cached_tokens: 0 },
  output_tokens: 10,
  output_tokens_details: { reasoning_tokens: 0 },
  total_tokens: 20,
};
