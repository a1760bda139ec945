import "server-only";
// The OpenAPI 3.1 document of `/api/v1`, generated from API_V1_OPERATIONS and the routes' zod schemas
// (zod's own JSON Schema output, draft 2020-12, which OpenAPI 3.1 uses). Served at /api/v1/openapi.json,
// written to docs/openapi.json by `npm run openapi`.
import { z } from "zod";
import { API_KEY_SCOPE_LABELS } from "@/lib/api-keys/scopes";
import { DEFAULT_MESSAGES, ERROR_STATUS, type ErrorCode } from "@/lib/errors/codes";
import type { ApiOperation, ApiResponseDoc } from "./api-operation";
import { API_V1_OPERATIONS } from "./operations";

export type JsonObject = Record<string, unknown>;

const VERSION = "1.0.0";

/** Every API-key operation can answer these (the key, its rate limit, our own failure). */
const API_KEY_ERRORS: readonly ErrorCode[] = ["unauthenticated", "rate_limited", "internal"];

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonObject {
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonObject;
  // The dialect is the document's (jsonSchemaDialect), not repeated in every schema.
  delete json.$schema;
  return json;
}

/** The one error envelope, its `code` limited to the given codes. */
function errorEnvelope(codes: readonly ErrorCode[]): JsonObject {
  return {
    type: "object",
    required: ["error"],
    additionalProperties: false,
    properties: {
      error: {
        type: "object",
        required: ["code", "message", "requestId"],
        additionalProperties: false,
        properties: {
          code: { type: "string", enum: [...codes] },
          message: { type: "string" },
          requestId: { type: "string", description: "Also in the `x-request-id` header; quote it to support." },
          details: { type: "object", additionalProperties: true, description: "Structured facts for some codes (e.g. `missingScopes`, `retryAfterSeconds`, validation issues)." },
        },
      },
    },
  };
}

function errorCodesOf(operation: ApiOperation): ErrorCode[] {
  const codes = new Set<ErrorCode>(operation.auth === "apiKey" ? API_KEY_ERRORS : ["internal"]);
  if (operation.auth === "apiKey" && operation.scopes.length > 0) codes.add("insufficient_scope");
  for (const code of operation.errors) codes.add(code);
  return [...codes];
}

function headerObjects(headers: ApiResponseDoc["headers"]): JsonObject | undefined {
  if (!headers) return undefined;
  return Object.fromEntries(Object.entries(headers).map(([name, header]) => [name, { description: header.description, schema: header.schema ?? { type: "string" } }]));
}

function responseObject(doc: ApiResponseDoc): JsonObject {
  const headers = headerObjects(doc.headers);
  const content = doc.schema ? { "application/json": { schema: jsonSchema(doc.schema, "output") } } : doc.anyBody ? { "*/*": { schema: {} } } : undefined;
  return { description: doc.description, ...(headers ? { headers } : {}), ...(content ? { content } : {}) };
}

function errorResponses(operation: ApiOperation): Record<string, JsonObject> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodesOf(operation)) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  const responses: Record<string, JsonObject> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const headers: JsonObject = { "x-request-id": { description: "The request id.", schema: { type: "string" } } };
    if (codes.includes("rate_limited")) headers["retry-after"] = { description: "Seconds until the key may call again.", schema: { type: "integer" } };
    responses[String(status)] = {
      description: codes.map((code) => `\`${code}\`: ${DEFAULT_MESSAGES[code]}`).join("\n\n"),
      headers,
      content: { "application/json": { schema: errorEnvelope(codes) } },
    };
  }
  for (const [status, doc] of Object.entries(operation.passthroughErrors ?? {})) {
    // An exact status Latchkey also answers keeps its envelope and accepts Amazon's body too.
    responses[status] = responseObject(doc);
  }
  return responses;
}

function objectParameters(schema: z.ZodObject, location: "header" | "query"): JsonObject[] {
  const objectSchema = jsonSchema(schema, "input") as { properties?: Record<string, JsonObject>; required?: string[] };
  return Object.entries(objectSchema.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: location, required: objectSchema.required?.includes(name) ?? false, description, schema: rest };
  });
}

function operationObject(operation: ApiOperation): JsonObject {
  const parameters = [
    ...Object.entries(operation.pathParams ?? {}).map(([name, param]) => ({ name, in: "path", required: true, description: param.description, schema: jsonSchema(param.schema, "input") })),
    ...(operation.query ? objectParameters(operation.query, "query") : []),
    ...(operation.requestHeaders ? objectParameters(operation.requestHeaders, "header") : []),
  ];
  const scopeWords = operation.scopes.length ? `Needs the API key scope${operation.scopes.length > 1 ? "s" : ""} ${operation.scopes.map((scope) => `\`${scope}\``).join(", ")}.` : "";
  const description = [operation.description, operation.auth === "apiKey" ? scopeWords : "Public: no API key.", operation.scopesNote].filter(Boolean).join("\n\n");
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description,
    tags: operation.tags,
    security: operation.auth === "apiKey" ? [{ apiKey: [...operation.scopes] }] : [],
    "x-latchkey-scopes": [...operation.scopes],
    ...(parameters.length ? { parameters } : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: operation.body.required,
            ...(operation.body.description ? { description: operation.body.description } : {}),
            content: { [operation.body.required || !operation.requestHeaders ? "application/json" : "*/*"]: { schema: jsonSchema(operation.body.schema, "input") } },
          },
        }
      : {}),
    responses: {
      ...Object.fromEntries(Object.entries(operation.responses).map(([status, doc]) => [status, responseObject(doc)])),
      ...errorResponses(operation),
    },
  };
}

export function buildOpenApiDocument(operations: readonly ApiOperation[] = API_V1_OPERATIONS): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const operation of operations) {
    const path = (paths[operation.path] ??= {});
    if (path[operation.method]) throw new Error(`OpenAPI: ${operation.method.toUpperCase()} ${operation.path} is declared twice`);
    path[operation.method] = operationObject(operation);
  }
  return {
    openapi: "3.1.1",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Latchkey API",
      version: VERSION,
      description:
        "The token service, SP-API gateway, management, webhook and monitoring API of a Latchkey instance. Every error answer is `{ \"error\": { \"code\", \"message\", \"requestId\", \"details\"? } }` with a stable `code`; match on the code, never on the message. Methods a path does not serve answer 405 `method_not_allowed` with an `Allow` header.",
      license: { name: "Apache-2.0", identifier: "Apache-2.0" },
    },
    servers: [{ url: "/", description: "This Latchkey instance" }],
    tags: [
      { name: "Tokens", description: "Access tokens, Restricted Data Tokens and grantless tokens for workers that call Amazon themselves." },
      { name: "SP-API gateway", description: "Workers that never hold a token: Latchkey calls Amazon for them." },
      { name: "Monitoring", description: "Outcomes of SP-API calls, for the monitoring page and alerts." },
      { name: "Tenants", description: "The partners (sellers and vendors) an integrator manages, by Latchkey's id or the integrator's own externalId." },
      { name: "Authorizations", description: "Each tenant's connection per region: status, roles, token freshness and history (never a token)." },
      { name: "Connect links", description: "Single-use links that let a partner connect or reauthorize without a Latchkey account." },
      { name: "Webhooks", description: "Endpoints that receive signed lifecycle events, their delivery logs, test events and redeliveries." },
      { name: "Meta", description: "Liveness and this document." },
    ],
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "lk_live_…",
          description: `An API key from the admin page (Admin → API keys): \`Authorization: Bearer lk_live_…\`. Each key holds scopes: ${Object.entries(API_KEY_SCOPE_LABELS)
            .map(([scope, { description }]) => `\`${scope}\` (${description})`)
            .join("; ")}. A key limited to some tenants gets 404 for everything else.`,
        },
      },
    },
    paths,
  };
}

let cached: string | undefined;

/** The document as served (built once per process: it depends on code only). */
export function openApiDocumentJson(): string {
  cached ??= `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
  return cached;
}
