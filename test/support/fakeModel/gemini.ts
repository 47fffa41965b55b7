import { asArray, asObject, asString, eachPiece, sse, startSse, type Api, type Json } from "./api.js";

// Gemini (Gemini CLI): POST /v1beta/models/MODEL:streamGenerateContent?alt=sse and :generateContent (its
// router and next-speaker checks ask for JSON that fits a schema).
export const gemini: Api = {
  name: "gemini",
  matches: (method, path) => method === "POST" && /:(stream)?[gG]enerateContent\b/.test(path),
  read(path, body) {
    const b = asObject(body);
    const contents = asArray(b.contents).map(asObject);
    const userTurns = contents.filter((c) => c.role === "user" || c.role === undefined);
    const withText = userTurns
      .filter((c) =>
        asArray(c.parts)
          .map(asObject)
          .some((p) => typeof p.text === "string"),
      )
      .at(-1);
    const text = asArray(withText?.parts)
      .map(asObject)
      .map((p) => asString(p.text))
      .filter((t): t is string => t !== undefined)
      .join("\n");
    const lastParts = asArray(contents.at(-1)?.parts).map(asObject);
    const declarations = asArray(b.tools)
      .map(asObject)
      .flatMap((tool) => asArray(tool.functionDeclarations))
      .map(asObject);
    const config = asObject(b.generationConfig);
    const schema = config.responseJsonSchema ?? config.responseSchema;
    return {
      userText: withText === undefined ? null : text,
      toolResult: lastParts.some((p) => p.functionResponse !== undefined),
      tools: new Map(declarations.map((d) => [asString(d.name) ?? "", d.parametersJsonSchema ?? d.parameters])),
      stream: path.includes(":streamGenerateContent"),
      ...(schema === undefined ? {} : { jsonSchema: schema }),
      model: /models\/([^:]+)/.exec(path)?.[1] ?? "moor-fake",
    };
  },
  async respond(request, reply, res) {
    const usageMetadata = { promptTokenCount: 10, candidatesTokenCount: 10, totalTokenCount: 20 };
    const candidate = (parts: Json[], finish?: string): Json => ({
      candidates: [
        { content: { role: "model", parts }, index: 0, ...(finish === undefined ? {} : { finishReason: finish }) },
      ],
      usageMetadata,
      modelVersion: request.model,
    });
    const whole = (): Json[] =>
      reply.kind === "tool"
        ? [{ functionCall: { name: reply.name, args: reply.args } }]
        : [{ text: reply.kind === "json" ? JSON.stringify(reply.value) : reply.pieces.join("") }];
    if (!request.stream) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(candidate(whole(), "STOP")));
      return;
    }
    startSse(res);
    if (reply.kind === "tool" || reply.kind === "json") {
      sse(res, candidate(whole(), "STOP"));
    } else {
      const pieces: string[] = [];
      await eachPiece(
        reply,
        res,
        (text) => {
          pieces.push(text);
          sse(res, candidate([{ text }]));
        },
        () => res.write(": keep-alive\n\n"),
      );
      sse(res, candidate([{ text: "" }], "STOP"));
    }
    res.end();
  },
};
