"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

/**
 * A deep link `#interaction-N` (or `#interaction-N-chunk-M`) to an interaction on another page of
 * a long cassette: the server cannot see the hash, so the browser moves to the page that holds it.
 */
export function InteractionHashJump({
  page,
  perPage,
  basePath,
}: {
  page: number;
  perPage: number;
  basePath: string;
}) {
  const router = useRouter();
  useEffect(() => {
    const match = /^#interaction-(\d{1,9})(?:-|$)/.exec(location.hash);
    if (!match?.[1]) return;
    const target = Math.floor(Number(match[1]) / perPage) + 1;
    if (target !== page) router.replace(`${basePath}${target > 1 ? `?page=${target}` : ""}${location.hash}`);
  }, [page, perPage, basePath, router]);
  return null;
}
