import type { RequestInfo } from "@/lib/model/exchange";
import { ChatBubble } from "./chat-bubble";
import { JsonBlock } from "./code-block";
import { ParamsTable } from "./params-table";
import { ToolDefinitions } from "./tool-definitions";

/** What was asked: the conversation, the tools offered and the other parameters. */
export function RequestPanel({ request }: { request: RequestInfo }) {
  const hasParams = Object.keys(request.params).length > 0;
  const nothingDecoded = request.messages.length === 0 && request.tools.length === 0 && !hasParams;
  return (
    <section aria-labelledby="request-heading" className="space-y-4">
      <h2 id="request-heading" className="text-lg font-semibold">
        Request
      </h2>
      {request.messages.length > 0 && (
        <section aria-labelledby="conversation-heading" className="space-y-2">
          <h3 id="conversation-heading" className="text-base font-semibold">
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
        <section aria-labelledby="request-body-heading" className="space-y-2">
          <h3 id="request-body-heading" className="text-base font-semibold">
            Body
          </h3>
          <JsonBlock value={request.body} label="Request body" />
        </section>
      )}
    </section>
  );
}
