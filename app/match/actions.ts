"use server";

import { redirect } from "next/navigation";
import { keepPaste } from "@/lib/views/match/paste-store";

function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/**
 * Keeps the pasted request (or test log) and shows its answer at `/match?id=…`: a request can be
 * tens of KB, too long for a URL, so the URL names the paste instead. Works without JavaScript.
 */
export async function submitMatch(form: FormData): Promise<void> {
  const id = keepPaste({
    text: field(form, "text"),
    test: field(form, "test").trim(),
    url: field(form, "url").trim(),
    method: field(form, "method").trim(),
  });
  redirect(`/match?id=${id}`);
}
