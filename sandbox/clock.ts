/**
 * The one clock the whole sandbox reads. Tests inject `now` and advance the clock over the control API
 * (`POST /_sandbox/clock`) to expire codes, tokens and secrets without waiting.
 */
export interface Clock {
  now(): number;
  advance(ms: number): void;
  offsetMs(): number;
  setOffset(ms: number): void;
}

export function createClock(base: () => number = Date.now, initialOffsetMs = 0): Clock {
  let offset = initialOffsetMs;
  return {
    now: () => base() + offset,
    advance: (ms) => {
      offset += ms;
    },
    offsetMs: () => offset,
    setOffset: (ms) => {
      offset = ms;
    },
  };
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}
