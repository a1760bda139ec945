// Calling the management API's route handlers directly, as Next would, with an API key.
import { NextRequest } from "next/server";

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;

export interface Call {
  key?: string;
  body?: unknown;
  params?: Record<string, string>;
  headers?: Record<string, string>;
  /** A raw body (not JSON-encoded). */
  raw?: string;
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  code: string | undefined;
  headers: Headers;
}

export async function call<T = Record<string, unknown>>(handler: Handler, method: string, path: string, options: Call = {}): Promise<Answer<T>> {
  const headers = new Headers(options.headers);
  if (options.key) headers.set("authorization", `Bearer ${options.key}`);
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const request = new NextRequest(`http://localhost${path}`, { method, headers, body });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  const json = (text ? JSON.parse(text) : {}) as T & { error?: { code: string } };
  return { status: response.status, body: json, code: json.error?.code, headers: response.headers };
}
