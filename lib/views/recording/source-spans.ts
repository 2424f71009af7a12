import type { Element, ElementContent, Root, RootContent } from "hast";

interface Span {
  start: number;
  end: number;
}

function spanOf(node: RootContent | Root): Span | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : { start, end };
}

/**
 * Where a text node's characters sit in the markdown source: found verbatim inside its own (or the
 * nearest ancestor's) source span when possible, else at the span's start (escapes and entities
 * make the rendered text differ from the source, so the mapping is then approximate).
 */
export function locateText(source: string, value: string, within: Span): Span {
  const found = value === "" ? -1 : source.indexOf(value, within.start);
  if (found !== -1 && found + value.length <= within.end) return { start: found, end: found + value.length };
  return { start: within.start, end: Math.min(within.end, within.start + value.length) };
}

function wrap(children: ElementContent[], source: string, outer: Span | null): ElementContent[] {
  return children.map((child) => {
    if (child.type === "element") {
      const own = spanOf(child) ?? outer;
      return { ...child, children: wrap(child.children, source, own) };
    }
    // Raw HTML becomes visible text later (react-markdown renders it as text): wrap it too.
    if (child.type !== "text" && child.type !== "raw") return child;
    const within = spanOf(child) ?? outer;
    if (!within || child.value.trim() === "") return child;
    const span = locateText(source, child.value, within);
    const element: Element = {
      type: "element",
      tagName: "span",
      properties: { dataSrcStart: span.start, dataSrcEnd: span.end },
      children: [child],
    };
    return element;
  });
}

/**
 * A rehype plugin that wraps each rendered text in `<span data-src-start data-src-end>`, so a
 * selection in rendered markdown can be mapped back to character offsets of the source.
 */
export function rehypeSourceSpans(options: { source: string }) {
  return (tree: Root): void => {
    const children: RootContent[] = tree.children.map((child) => {
      if (child.type !== "element" && child.type !== "text" && child.type !== "raw") return child;
      const [wrapped] = wrap([child], options.source, spanOf(tree));
      return wrapped ?? child;
    });
    tree.children = children;
  };
}
