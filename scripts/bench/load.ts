// Load with autocannon; latencies are taken from its per-response event at sub-millisecond precision
// (its own histogram keeps whole milliseconds, too coarse to compare two ~1 ms routes).
import autocannon from "autocannon";

export interface LoadResult {
  label: string;
  requests: number;
  seconds: number;
  perSecond: number;
  latenciesMs: number[];
  non2xx: number;
  errors: number;
}

export interface LoadOptions {
  label: string;
  url: string;
  method: "GET" | "POST";
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[index]!;
}

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let non2xx = 0;
    const instance = autocannon(
      { url: options.url, method: options.method, headers: options.headers, connections: options.connections, duration: options.seconds, pipelining: 1, timeout: 10 },
      (error, result) => {
        if (error) return reject(error);
        const seconds = result.duration;
        resolve({ label: options.label, requests: latencies.length, seconds, perSecond: latencies.length / seconds, latenciesMs: latencies, non2xx, errors: result.errors + result.timeouts });
      },
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
      else non2xx += 1;
    });
  });
}
