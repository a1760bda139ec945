/**
 * The one clock the whole sandbox reads: the injected base clock plus an offset that tests move forward
 * over the control API (`POST /_sandbox/clock`) to expire codes, tokens and secrets without waiting.
 */
export interface Clock {
  now(): number;
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
