// Buffers SP-API call outcomes and posts them to Latchkey in small batches: when 100 are waiting or a
// second after the first one, whichever comes first. Reporting never throws into a caller and never
// delays a call; when Latchkey is unreachable the outcomes wait (up to a bound) for the next flush.
import type { CallOutcome } from "./types.js";

export interface OutcomeReporter {
  record(outcome: CallOutcome): void;
  /** Posts everything buffered; resolves when done (never rejects). */
  flush(): Promise<void>;
  /** Flushes and stops the timer. */
  close(): Promise<void>;
}

export interface OutcomeReporterOptions {
  send(outcomes: CallOutcome[]): Promise<void>;
  /** Latchkey accepts 1..500 per request. Default 100. */
  batchSize?: number;
  /** Default 1000 ms. */
  intervalMs?: number;
  /** Oldest outcomes are dropped beyond this many waiting. Default 10,000. */
  maxBuffered?: number;
  /** Whether a failed batch may be sent again (a refused batch, e.g. 422, is dropped). */
  isRetryable?(error: unknown): boolean;
  onError?(error: unknown): void;
}

export function createOutcomeReporter(options: OutcomeReporterOptions): OutcomeReporter {
  const batchSize = Math.min(500, Math.max(1, options.batchSize ?? 100));
  const intervalMs = options.intervalMs ?? 1000;
  const maxBuffered = options.maxBuffered ?? 10_000;
  let buffer: CallOutcome[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let chain: Promise<void> = Promise.resolve();
  let queued = false;
  // After a failed post, wait for the timer instead of retrying on every new outcome.
  let failing = false;
  let closed = false;

  const reportError = (error: unknown) => {
    try {
      options.onError?.(error);
    } catch {
      // A failing error hook must not break reporting either.
    }
  };

  function schedule(): void {
    if (timer || closed || buffer.length === 0) return;
    timer = setTimeout(() => {
      timer = undefined;
      void flush();
    }, intervalMs);
    timer.unref?.();
  }

  async function drain(): Promise<void> {
    while (buffer.length > 0) {
      const batch = buffer.slice(0, batchSize);
      buffer = buffer.slice(batch.length);
      try {
        await options.send(batch);
        failing = false;
      } catch (error) {
        reportError(error);
        if (options.isRetryable?.(error) ?? true) {
          failing = true;
          buffer = [...batch, ...buffer].slice(-maxBuffered);
          return;
        }
      }
    }
  }

  function flush(): Promise<void> {
    if (timer) {
      clearTimeout(timer);
      timer = undefined;
    }
    // One drain waiting at a time is enough: when it starts it takes everything buffered by then.
    if (!queued) {
      queued = true;
      chain = chain
        .then(() => {
          queued = false;
          return drain();
        })
        .catch(reportError)
        .finally(schedule);
    }
    return chain;
  }

  return {
    record(outcome) {
      buffer.push(outcome);
      if (buffer.length > maxBuffered) buffer = buffer.slice(-maxBuffered);
      if (buffer.length >= batchSize && !failing) void flush();
      else schedule();
    },
    flush,
    async close() {
      closed = true;
      await flush();
    },
  };
}
