// Calls the gateway's route handler the way Next.js would, for one authorization and Amazon path.
import { NextRequest } from "next/server";
import * as route from "@/app/api/v1/spapi/[authorizationId]/[...path]/route";

export interface GatewayCall {
  key?: string;
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  headers?: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
  signal?: AbortSignal;
}

export function callGateway(authorizationId: string, amazonPath: string, call: GatewayCall = {}): Promise<Response> {
  const method = call.method ?? "GET";
  const headers = new Headers(call.headers);
  if (call.key) headers.set("authorization", `Bearer ${call.key}`);
  const request = new NextRequest(`http://localhost/api/v1/spapi/${authorizationId}${amazonPath}`, { method, headers, body: call.body, signal: call.signal });
  const path = amazonPath.split("?", 1)[0]!.split("/").filter(Boolean);
  return route[method](request, { params: Promise.resolve({ authorizationId, path }) });
}
