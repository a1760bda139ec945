import "server-only";
import { z } from "zod";
import { readServerEnv } from "@/lib/env";
import { amazonFetch, AmazonNetworkError } from "./http";
import type { Region } from "./regions";

export interface SpApiRequest {
  region: Region;
  /** An LWA access token or a Restricted Data Token. */
  accessToken: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
}

export interface SpApiResponse<T> {
  status: number;
  data: T;
  requestId: string | null;
  rateLimit: number | null;
}

/** The code of an SP-API answer that is a success (2xx) in a shape the operation's model does not describe. */
export const UNEXPECTED_RESPONSE = "amazon_unexpected_response";

const errorList = z.object({ errors: z.array(z.object({ code: z.string(), message: z.string().optional(), details: z.string().optional() })).min(1) });

/**
 * An SP-API failure, classified per PRODUCT.md's retry policy: 401 → refresh once and replay;
 * 403 → never retry blindly; 429 → back off honouring the rate limit; 5xx/network → transient.
 */
export class SpApiError extends Error {
  constructor(
    readonly status: number | null,
    readonly code: string,
    readonly requestId: string | null,
    readonly rateLimit: number | null,
    options?: { cause?: unknown },
  ) {
    super(`SP-API ${code}${status ? ` (HTTP ${status})` : ""}`, options);
    this.name = "SpApiError";
  }

  get transient(): boolean {
    return this.status === null || this.status === 429 || this.status >= 500;
  }

  /** Amazon said yes in a shape its model does not describe: nothing from it may be believed or stored. */
  get unexpected(): boolean {
    return this.code === UNEXPECTED_RESPONSE;
  }
}

function numberHeader(response: Response, name: string): number | null {
  const value = Number(response.headers.get(name));
  return Number.isFinite(value) && response.headers.has(name) ? value : null;
}

/**
 * One SP-API call. A success is parsed with `schema` (the fields Latchkey reads, as the operation's model
 * types them): a 2xx whose body is not JSON or not of that shape throws SpApiError `amazon_unexpected_response`,
 * so a caller never treats it as a success or stores anything from it. Without a schema the body is not read.
 */
export async function callSpApi<T = unknown>(request: SpApiRequest, schema?: z.ZodType<T>): Promise<SpApiResponse<T>> {
  const url = new URL(readServerEnv().amazon.spapi[request.region] + request.path);
  for (const [key, value] of Object.entries(request.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
  let response: Response;
  try {
    response = await amazonFetch(url.toString(), {
      method: request.method,
      headers: {
        "x-amz-access-token": request.accessToken,
        accept: "application/json",
        ...(request.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
  } catch (error) {
    throw new SpApiError(null, error instanceof AmazonNetworkError && error.reason === "timeout" ? "Timeout" : "NetworkError", null, null, { cause: error });
  }
  const requestId = response.headers.get("x-amzn-requestid");
  const rateLimit = numberHeader(response, "x-amzn-ratelimit-limit");
  const text = await response.text();
  let json: unknown = null;
  let readable = true;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      readable = false;
    }
  }
  if (!response.ok) {
    const parsed = errorList.safeParse(json);
    throw new SpApiError(response.status, parsed.success ? parsed.data.errors[0]!.code : `HTTP${response.status}`, requestId, rateLimit);
  }
  if (!readable) throw new SpApiError(response.status, UNEXPECTED_RESPONSE, requestId, rateLimit);
  if (!schema) return { status: response.status, data: undefined as T, requestId, rateLimit };
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new SpApiError(response.status, UNEXPECTED_RESPONSE, requestId, rateLimit, { cause: parsed.error });
  return { status: response.status, data: parsed.data, requestId, rateLimit };
}
