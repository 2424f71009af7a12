import styles from "./badge.module.css";

export type BadgeTone = "neutral" | "blue" | "violet" | "red" | "amber" | "green";

/** The classes of a badge of `tone` (the list's rows are written as HTML with them). */
export function badgeClass(tone: BadgeTone = "neutral"): string {
  return `${styles.badge} ${styles[tone]}`;
}

export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: React.ReactNode }) {
  return <span className={badgeClass(tone)}>{children}</span>;
}
