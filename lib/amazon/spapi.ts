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
}

function numberHeader(response: Response, name: string): number | null {
  const value = Number(response.headers.get(name));
  return Number.isFinite(value) && response.headers.has(name) ? value : null;
}

export async function callSpApi<T>(request: SpApiRequest): Promise<SpApiResponse<T>> {
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
  const json: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const parsed = errorList.safeParse(json);
    throw new SpApiError(response.status, parsed.success ? parsed.data.errors[0]!.code : `HTTP${response.status}`, requestId, rateLimit);
  }
  return { status: response.status, data: json as T, requestId, rateLimit };
}
