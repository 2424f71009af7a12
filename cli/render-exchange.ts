import type { ContentPart, Exchange, ResponseInfo } from "@/lib/model/exchange";
import type { Interaction } from "@/lib/model/recording-file";
import type { FileNameInfo } from "@/lib/recording/file-name";

function partText(part: ContentPart): string {
  if (part.type === "text") return part.text;
  if (part.type === "image")
    return `[image ${part.url.startsWith("data:") ? part.url.slice(0, 30) + "…" : part.url}]`;
  return `[${part.label}]`;
}

function brief(text: string, max = 400): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

function responseLines(response: ResponseInfo): string[] {
  switch (response.type) {
    case "message": {
      const lines: string[] = [];
      const head = response.streaming ? `stream of ${response.chunks.length} chunks` : "not streamed";
      lines.push(`Response (${head}${response.model ? `, model ${response.model}` : ""})`);
      for (const choice of response.choices) {
        if (response.choices.length > 1) lines.push(`  choice ${choice.index}`);
        if (choice.reasoning) lines.push(`  reasoning: ${brief(choice.reasoning)}`);
        lines.push(`  ${choice.role}: ${choice.content}`);
        for (const call of choice.toolCalls) {
          lines.push(`  tool call ${call.name ?? "?"}${call.id ? ` (${call.id})` : ""}: ${call.arguments}`);
        }
        lines.push(`  finish reason: ${choice.finishReason ?? "none"}`);
      }
      if (response.usage) {
        const u = response.usage;
        lines.push(
          `  usage: ${u.inputTokens ?? "?"} in, ${u.outputTokens ?? "?"} out, ${u.totalTokens ?? "?"} total`,
        );
      }
      return lines;
    }
    case "embeddings":
      return [
        `Response: ${response.count} embedding${response.count === 1 ? "" : "s"} of dimension ${response.dimension}`,
        `  norms: ${response.norms.map((n) => n.toFixed(4)).join(", ")}`,
      ];
    case "models":
      return [`Response: ${response.models.length} models`, ...response.models.map((m) => `  ${m.id}`)];
    case "result":
      return [
        `Response${response.status === null ? "" : ` (HTTP ${response.status})`}`,
        `  ${brief(response.text ?? JSON.stringify(response.value), 2000)}`,
      ];
    case "error":
      return [
        `Error: ${response.error.type}${response.error.status === null ? "" : ` (status ${response.error.status})`}`,
        `  ${response.error.message}`,
      ];
    case "unknown":
      return ["Response (not understood):", `  ${brief(JSON.stringify(response.value), 2000)}`];
  }
}

/** One recording for a terminal: the request in brief, then what came back. */
export function renderExchange(exchange: Exchange, fileName: FileNameInfo | null): string {
  const { request } = exchange;
  const lines: string[] = [];
  lines.push(
    `${exchange.family} · ${exchange.kind} · ${exchange.provider}${exchange.providerDetail ? ` (${exchange.providerDetail})` : ""}`,
  );
  if (exchange.model) lines.push(`model: ${exchange.model}`);
  if (exchange.testId) lines.push(`test: ${exchange.testId}`);
  if (request.url) lines.push(`${request.method ?? ""} ${request.url}`.trim());
  if (fileName && fileName.scheme !== "other") {
    const state = fileName.matches === null ? "unknown" : fileName.matches ? "matches" : "does not match";
    lines.push(`file name: ${fileName.scheme}, ${state} the request hash`);
  }
  lines.push("");
  lines.push("Request");
  for (const message of request.messages) {
    lines.push(`  ${message.role}: ${brief(message.parts.map(partText).join(" "))}`);
    for (const call of message.toolCalls)
      lines.push(`    → ${call.name ?? "?"}(${brief(call.arguments, 200)})`);
  }
  if (request.tools.length > 0) lines.push(`  tools: ${request.tools.map((tool) => tool.name).join(", ")}`);
  const params = Object.entries(request.params);
  if (params.length > 0) {
    lines.push(
      `  params: ${brief(params.map(([key, value]) => `${key}=${JSON.stringify(value)}`).join(" "), 300)}`,
    );
  }
  lines.push("");
  lines.push(...responseLines(exchange.response));
  for (const note of exchange.notes) lines.push(`note: ${note}`);
  return lines.join("\n");
}

/** One interaction of a cassette: its number, the HTTP line and status, then the exchange. */
export function renderInteraction(interaction: Interaction): string {
  const { http } = interaction;
  const head = http
    ? `#${interaction.index} ${http.method} ${http.url} → ${http.status ?? "no status"}${http.statusText ? ` ${http.statusText}` : ""}`
    : `#${interaction.index}`;
  const lines = [head];
  if (interaction.problem) lines.push(`problem: ${interaction.problem}`);
  lines.push(renderExchange(interaction.exchange, null));
  return lines.join("\n");
}
