"use client";

import { useState } from "react";
import styles from "./change-card.module.css";
import { useReview } from "./review-context";

type State =
  | { kind: "closed" }
  | { kind: "loading" }
  | { kind: "loaded"; content: React.ReactNode }
  | { kind: "failed" };

/**
 * A change's collapsed details, asked of the server the first time they are opened, or pointed
 * at (so that they are often there by the click), and kept after: the page carries only their label.
 */
export function LazyDetails({ changeKey, label }: { changeKey: string; label: string }) {
  const { loadDetails } = useReview();
  const [state, setState] = useState<State>({ kind: "closed" });

  function load() {
    setState({ kind: "loading" });
    loadDetails(changeKey).then(
      (content) => setState(content === null ? { kind: "failed" } : { kind: "loaded", content }),
      () => setState({ kind: "failed" }),
    );
  }

  return (
    <details
      className={styles.details}
      onToggle={(event) => {
        if (event.currentTarget.open && (state.kind === "closed" || state.kind === "failed")) load();
      }}
    >
      <summary
        className={styles.open}
        onPointerEnter={() => {
          if (state.kind === "closed") load();
        }}
      >
        {label}
      </summary>
      {state.kind === "loaded" ? (
        state.content
      ) : (
        <p role="status" className={styles.waiting}>
          {state.kind === "failed"
            ? "The details could not be loaded (the server may have restarted): reload the page."
            : "Loading…"}
        </p>
      )}
    </details>
  );
}
