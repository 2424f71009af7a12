import { useId } from "react";
import type { RequestInfo } from "@/lib/model/exchange";
import { ChatBubble } from "./chat-bubble";
import { JsonBlock } from "./code-block";
import { ParamsTable } from "./params-table";
import { ToolDefinitions } from "./tool-definitions";

/** What was asked: the conversation, the tools offered and the other parameters. */
export function RequestPanel({
  request,
  idPrefix = "",
  level = 2,
}: {
  request: RequestInfo;
  /** Prefix of element ids, so several interactions can share a page. */
  idPrefix?: string;
  /** The heading level (3 inside a cassette's interaction). */
  level?: 2 | 3;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  const conversationId = useId();
  const requestBodyId = useId();
  const hasParams = Object.keys(request.params).length > 0;
  const nothingDecoded = request.messages.length === 0 && request.tools.length === 0 && !hasParams;
  return (
    <section aria-labelledby={`${idPrefix}request-heading`} className="space-y-4">
      <Heading
        id={`${idPrefix}request-heading`}
        className={level === 2 ? "text-lg font-semibold" : "text-base font-semibold"}
      >
        Request
      </Heading>
      {request.messages.length > 0 && (
        <section aria-labelledby={conversationId} className="space-y-2">
          <h3 id={conversationId} className="text-base font-semibold">
            Conversation{" "}
            <span className="text-sm font-normal text-zinc-500">({request.messages.length})</span>
          </h3>
          <ol className="space-y-2">
            {request.messages.map((message, i) => (
              <li key={i}>
                <ChatBubble message={message} position={i} />
              </li>
            ))}
          </ol>
        </section>
      )}
      {request.tools.length > 0 && <ToolDefinitions tools={request.tools} />}
      {hasParams && <ParamsTable params={request.params} />}
      {nothingDecoded && request.body !== undefined && request.body !== null && (
        <section aria-labelledby={requestBodyId} className="space-y-2">
          <h3 id={requestBodyId} className="text-base font-semibold">
            Body
          </h3>
          <JsonBlock value={request.body} label="Request body" />
        </section>
      )}
    </section>
  );
}
