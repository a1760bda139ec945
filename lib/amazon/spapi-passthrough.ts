import "server-only";
// The gateway's wire to SP-API: one request sent as the worker wrote it (method, path, query, body),
// with Latchkey's token and User-Agent, and Amazon's answer returned unread so its body can stream back.
import http from "node:http";
import https from "node:https";
import { Readable } from "node:stream";
import { z } from "zod";
import { readServerEnv } from "@/lib/env";
import { processLocal } from "@/lib/runtime/process-local";
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

// An idle connection is closed after a minute, or a second before the server's own `Keep-Alive: timeout`
// (Node honours that hint only when the agent has a timeout), so a request is not sent on a connection
// the server is closing. The timeout does not apply to a request in flight (nobody listens for it there).
const IDLE_CONNECTION_MS = 60_000;
const agents = processLocal("spApiAgents", () => ({
  "http:": new http.Agent({ keepAlive: true, timeout: IDLE_CONNECTION_MS }),
  "https:": new https.Agent({ keepAlive: true, timeout: IDLE_CONNECTION_MS }),
}));

/** Statuses whose answer has no body (a Response refuses one). */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * Sends one SP-API request. Amazon must start answering within AMAZON_HTTP_TIMEOUT_MS; the body then
 * streams for as long as the caller's signal allows. Network failures become AmazonNetworkError.
 *
 * Node's own HTTP client rather than fetch: on the gateway's hot path fetch (and Next's wrapper of it)
 * cost more CPU than the rest of the gateway together, and none of its features (redirects, caching,
 * decompression) may apply to a pass-through anyway.
 */
export function sendSpApiRequest(request: SpApiPassthroughRequest): Promise<Response> {
  const env = readServerEnv();
  const url = new URL(env.amazon.spapi[request.region] + request.pathAndQuery);
  const target = url.pathname;
  const headers: http.OutgoingHttpHeaders = { "x-amz-access-token": request.accessToken, "user-agent": USER_AGENT };
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  if (request.body) headers["content-length"] = request.body.byteLength;
  const { signal } = request;
  return new Promise<Response>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const client = url.protocol === "https:" ? https : http;
    const agent = url.protocol === "https:" ? agents["https:"] : agents["http:"];
    let timedOut = false;
    const outgoing = client.request(url, { method: request.method, headers, agent }, (incoming) => {
      clearTimeout(timer);
      resolve(toResponse(incoming));
    });
    const timer = setTimeout(() => {
      timedOut = true;
      outgoing.destroy();
    }, env.AMAZON_HTTP_TIMEOUT_MS);
    const onAbort = () => outgoing.destroy(signal!.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    outgoing.once("close", () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    });
    // Before the answer began: a network failure. After it the body's stream carries the error, and a
    // later one (a reset mid-body, the worker gone) must still find a listener here.
    outgoing.on("error", (error) => {
      if (signal?.aborted) return reject(signal.reason);
      reject(new AmazonNetworkError(timedOut ? "timeout" : "network", target, { cause: error }));
    });
    outgoing.end(request.body);
  });
}

function toResponse(incoming: http.IncomingMessage): Response {
  const headers = new Headers();
  const raw = incoming.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  const status = incoming.statusCode ?? 502;
  if (NULL_BODY_STATUSES.has(status)) {
    incoming.resume();
    return new Response(null, { status, statusText: incoming.statusMessage, headers });
  }
  const body = Readable.toWeb(incoming) as ReadableStream<Uint8Array<ArrayBuffer>>;
  return new Response(body, { status, statusText: incoming.statusMessage, headers });
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
