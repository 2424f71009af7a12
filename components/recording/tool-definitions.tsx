import { useId } from "react";
import type { ToolDefinition } from "@/lib/model/exchange";
import { JsonBlock } from "./code-block";

/** The tools offered to the model, each collapsible with its description and parameter schema. */
export function ToolDefinitions({ tools }: { tools: ToolDefinition[] }) {
  const toolsId = useId();
  return (
    <section aria-labelledby={toolsId} className="space-y-2">
      <h3 id={toolsId} className="text-base font-semibold">
        Tools <span className="text-sm font-normal text-zinc-500">({tools.length})</span>
      </h3>
      <ul className="space-y-2">
        {tools.map((tool, i) => (
          <li key={`${tool.name}-${i}`}>
            <details className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
              <summary className="cursor-pointer px-3 py-2 text-sm">
                <code className="font-mono font-semibold">{tool.name}</code>
                {tool.description && (
                  <span className="ml-2 text-zinc-500">{tool.description.split("\n")[0]?.slice(0, 140)}</span>
                )}
              </summary>
              <div className="space-y-2 border-t border-zinc-200 p-3 dark:border-zinc-800">
                {tool.description && <p className="whitespace-pre-wrap text-sm">{tool.description}</p>}
                <JsonBlock value={tool.parameters ?? null} label={`Parameters of ${tool.name}`} />
              </div>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
