"use client";

import { createContext, useContext } from "react";

interface ReviewContextValue {
  base: string;
  /** The head revision, or "working tree". */
  head: string;
  /** The root's place in the repository (`a/b/` or ""): paths are shown relative to the root. */
  prefix: string;
  /** Renders one change's details on the server (`loadChangeDetails`, bound to this review). */
  loadDetails: (key: string) => Promise<React.ReactNode>;
}

const ReviewContext = createContext<ReviewContextValue>({
  base: "",
  head: "",
  prefix: "",
  loadDetails: () => Promise.resolve(null),
});

/** The review the cards below belong to, given once for all of them. */
export function ReviewProvider({ children, ...value }: ReviewContextValue & { children: React.ReactNode }) {
  return <ReviewContext.Provider value={value}>{children}</ReviewContext.Provider>;
}

export function useReview(): ReviewContextValue {
  return useContext(ReviewContext);
}
