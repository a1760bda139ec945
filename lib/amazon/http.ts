import "server-only";
import { readServerEnv } from "@/lib/env";

/** SP-API requires a User-Agent naming the language (AMAZON.md); LWA gets the same one. */
export const USER_AGENT = "Latchkey/0.1 (Language=TypeScript; Platform=Node)";

export class AmazonNetworkError extends Error {
  constructor(
    readonly reason: "timeout" | "network",
    readonly target: string,
    options?: { cause?: unknown },
  ) {
    super(reason === "timeout" ? `Amazon did not answer in time (${target})` : `Could not reach Amazon (${target})`, options);
    this.name = "AmazonNetworkError";
  }
}

/** fetch with Latchkey's timeout and User-Agent; network failures become AmazonNetworkError. */
export async function amazonFetch(url: string, init: RequestInit & { timeoutMs?: number }): Promise<Response> {
  const timeoutMs = init.timeoutMs ?? readServerEnv().AMAZON_HTTP_TIMEOUT_MS;
  const target = new URL(url).pathname;
  const headers = new Headers(init.headers);
  headers.set("user-agent", USER_AGENT);
  try {
    return await fetch(url, { ...init, headers, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const timedOut = error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError");
    throw new AmazonNetworkError(timedOut ? "timeout" : "network", target, { cause: error });
  }
}
