"use client";

import { useEffect, type RefObject } from "react";
import type { FieldRange } from "@/lib/views/recording/chunk-selection";

const SPAN = "[data-src-start]";

function numberAttr(element: Element, name: string): number {
  const value = Number(element.getAttribute(name));
  return Number.isFinite(value) ? value : 0;
}

function elementOf(node: Node): Element | null {
  return node.nodeType === Node.ELEMENT_NODE && node instanceof Element ? node : node.parentElement;
}

/**
 * The character offset (in its field's source text) of a selection boundary. Inside a tagged text
 * it is exact; between texts it is the start of the next text (for a start) or the end of the
 * previous one (for an end).
 */
function boundaryOffset(field: Element, node: Node, offset: number, edge: "start" | "end"): number {
  if (node.nodeType === Node.TEXT_NODE) {
    const span = node.parentElement?.closest(SPAN);
    if (span && field.contains(span)) {
      const start = numberAttr(span, "data-src-start");
      const end = numberAttr(span, "data-src-end");
      return Math.min(start + offset, end);
    }
  }
  const point = document.createRange();
  point.setStart(node, offset);
  let found: number | null = null;
  for (const span of field.querySelectorAll(SPAN)) {
    const after = point.comparePoint(span, 0) > 0;
    if (edge === "start" && after) return numberAttr(span, "data-src-start");
    if (edge === "end" && !after) found = numberAttr(span, "data-src-end");
  }
  return edge === "start" ? Number.MAX_SAFE_INTEGER : (found ?? 0);
}

/** Reads the current text selection as a range of one field of the message, if it lies in `root`. */
export function selectedFieldRange(root: Element): FieldRange | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const startField = elementOf(range.startContainer)?.closest("[data-field]");
  const endField = elementOf(range.endContainer)?.closest("[data-field]");
  const field = startField ?? endField;
  if (!field || !root.contains(field)) return null;
  const id = field.getAttribute("data-field") ?? "";
  const start = startField ? boundaryOffset(field, range.startContainer, range.startOffset, "start") : 0;
  const end =
    endField === field
      ? boundaryOffset(field, range.endContainer, range.endOffset, "end")
      : Number.MAX_SAFE_INTEGER;
  return end > start ? { field: id, start, end } : null;
}

/** Calls `onChange` with the selected stretch of message text (or null) whenever the selection changes. */
export function useTextSelection(
  root: RefObject<Element | null>,
  onChange: (range: FieldRange | null) => void,
) {
  useEffect(() => {
    const handler = () => {
      const element = root.current;
      onChange(element ? selectedFieldRange(element) : null);
    };
    document.addEventListener("selectionchange", handler);
    return () => document.removeEventListener("selectionchange", handler);
  }, [root, onChange]);
}
