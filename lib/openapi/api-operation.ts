// One documented `/api/v1` operation: what the OpenAPI document is built from. Each entry points at the zod
// schemas the route itself parses its input with and types its answer by, so the document cannot drift from
// the code without the contract test noticing (tests/integration/http/openapi-contract.test.ts).
import type { z } from "zod";
import type { ApiKeyScope } from "@/lib/api-keys/scopes";
import type { ErrorCode } from "@/lib/errors/codes";

export type ApiMethod = "get" | "post" | "put" | "patch" | "delete";

export interface ApiHeaderDoc {
  description: string;
  schema?: Record<string, unknown>;
}

export interface ApiResponseDoc {
  description: string;
  /** The JSON body's schema; omitted when the body is not Latchkey's (the gateway passes Amazon's through). */
  schema?: z.ZodType;
  /** A body that is not described (any content type). */
  anyBody?: boolean;
  headers?: Record<string, ApiHeaderDoc>;
}

export interface ApiOperation {
  method: ApiMethod;
  /** OpenAPI path template, e.g. `/api/v1/authorizations/{authorizationId}/access-token`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /** `public`: no API key; `apiKey`: `Authorization: Bearer lk_...` with `scopes`. */
  auth: "public" | "apiKey";
  /** The key scopes this operation needs (all of them); shown as `x-latchkey-scopes`. */
  scopes: readonly ApiKeyScope[];
  /** Extra words on scopes that depend on the input (the grantless token's scope). */
  scopesNote?: string;
  /** Path parameters: name → schema and description. */
  pathParams?: Record<string, { schema: z.ZodType; description: string }>;
  /** Query parameters, as the zod object the route parses the search params with (list filters, cursors). */
  query?: z.ZodObject;
  /** Request headers the route reads, as one zod object keyed by header name (e.g. `Idempotency-Key`). */
  requestHeaders?: z.ZodObject;
  body?: { schema: z.ZodType; required: boolean; description?: string };
  /** Success answers by status. */
  responses: Record<number, ApiResponseDoc>;
  /** Stable error codes this operation may answer with (besides the ones every API-key route has). */
  errors: readonly ErrorCode[];
  /** Non-envelope error answers (status or `4XX`/`5XX` → doc), e.g. Amazon's answers through the gateway. */
  passthroughErrors?: Record<string, ApiResponseDoc>;
}
