// Which reminder stage a deadline has reached: the most urgent threshold (in whole days left) crossed.
const DAY_MS = 86_400_000;

export type ThresholdStage = { kind: "reminder"; threshold: number; daysLeft: number } | { kind: "passed" } | null;

/** `thresholds` in days, any order. Whole days left are rounded down, so "0" means the deadline is today. */
export function thresholdStage(deadline: Date, now: Date, thresholds: readonly number[]): ThresholdStage {
  const msLeft = deadline.getTime() - now.getTime();
  if (msLeft <= 0) return { kind: "passed" };
  const daysLeft = Math.floor(msLeft / DAY_MS);
  const crossed = [...thresholds].sort((a, b) => a - b).find((threshold) => daysLeft <= threshold);
  return crossed === undefined ? null : { kind: "reminder", threshold: crossed, daysLeft };
}

export function wholeDaysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}

export const DAY = DAY_MS;
