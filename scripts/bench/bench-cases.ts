// The bench's cases, selectable with BENCH_CASES (no Latchkey imports: run.ts reads it before the environment is set).
export const BENCH_CASES = ["token", "cold", "sweep", "dashboard", "gateway"] as const;
export type BenchCase = (typeof BENCH_CASES)[number];
