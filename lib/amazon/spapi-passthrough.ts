import "server-only";
// The gateway's wire to SP-API: one request sent as the worker wrote it (method, path, query, body),
// with Latchkey's token and User-Agent, and Amazon's answer returned unread so its body can stream back.
import { z } from "zod";
import { readServerEnv } from "@/lib/env";
import { AmazonNetworkError, USER_AGENT } from "./http";
import type { Region } from "./regions";

/** The worker's headers Amazon may see: never its Authorization, cookies, host or forwarding headers. */
const FORWARDED_REQUEST_HEADERS = ["content-type", "accept", "accept-language"] as const;

/** Amazon's headers worth passing back to the worker. */
const PASSED_RESPONSE_HEADERS = ["content-type", "content-disposition", "x-amzn-requestid", "x-amzn-ratelimit-limit"] as const;

export interface SpApiPassthroughRequest {
  region: Region;
  /** An LWA access token or a Restricted Data Token. */
  accessToken: string;
  method: string;
  /** The Amazon path and the raw query string as the worker sent them (`/orders/v0/orders?MarketplaceIds=…`). */
  pathAndQuery: string;
  /** The worker's request headers; only FORWARDED_REQUEST_HEADERS are sent on. */
  headers: Headers;
  body: Uint8Array<ArrayBuffer> | undefined;
  signal?: AbortSignal;
}

/**
 * Sends one SP-API request. Amazon must start answering within AMAZON_HTTP_TIMEOUT_MS; the body then
 * streams for as long as the caller's signal allows. Network failures become AmazonNetworkError.
 */
export async function sendSpApiRequest(request: SpApiPassthroughRequest): Promise<Response> {
  const env = readServerEnv();
  const headers = new Headers({ "x-amz-access-token": request.accessToken, "user-agent": USER_AGENT });
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new DOMException("Amazon did not answer in time", "TimeoutError")), env.AMAZON_HTTP_TIMEOUT_MS);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout.signal]) : timeout.signal;
  const target = request.pathAndQuery.split("?", 1)[0] ?? "/";
  try {
    return await fetch(env.amazon.spapi[request.region] + request.pathAndQuery, { method: request.method, headers, body: request.body, redirect: "manual", signal });
  } catch (error) {
    if (request.signal?.aborted) throw error;
    throw new AmazonNetworkError(timeout.signal.aborted ? "timeout" : "network", target, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/** The headers of Amazon's answer that go back to the worker (no cookies, no hop-by-hop or encoding headers). */
export function passedResponseHeaders(response: Response): Headers {
  const headers = new Headers();
  for (const name of PASSED_RESPONSE_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return headers;
}

/** `x-amzn-RateLimit-Limit` as requests per second, or null when absent or not a positive number. */
export function rateLimitOf(response: Response): number | null {
  const value = Number(response.headers.get("x-amzn-ratelimit-limit") ?? "");
  return Number.isFinite(value) && value > 0 ? value : null;
}

const errorList = z.object({ errors: z.array(z.object({ code: z.string() })).min(1) });

/** The `code` of Amazon's first error in an error body (`Unauthorized`, `QuotaExceeded`, …), or null. */
export function amazonErrorCode(body: string): string | null {
  try {
    const parsed = errorList.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data.errors[0]!.code : null;
  } catch {
    return null;
  }
}
