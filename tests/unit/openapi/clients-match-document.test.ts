// Both clients against the OpenAPI document: a client that calls a path or method the document does not
// have, sends a body field it does not accept, reads an answer field it does not promise, or uses a gateway
// header it does not describe fails here. The TypeScript client's tables are imported; the Python client's
// are read by Python itself (skipped only where no python3 is installed).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GATEWAY_HEADERS, LATCHKEY_ENDPOINTS, LATCHKEY_ERROR_FIELDS, LATCHKEY_GATEWAY_PATH, LATCHKEY_NESTED_FIELDS } from "@latchkey/client";
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";
import { operationsOf, type Json, type OpenApiOperation } from "../../support/openapi-document";

const ROOT = path.resolve(import.meta.dirname, "../../..");

interface ClientTables {
  endpoints: { name: string; method: string; path: string; requestFields: string[]; responseFields: string[] }[];
  /** Nested objects the client sends: [top-level array field, its item fields]. */
  nested: { field: string; itemFields: string[] }[];
  errorFields: string[];
  gatewayPath: string;
  gatewayHeaders: string[];
}

const document = buildOpenApiDocument();

const properties = (schema: Json | undefined): Record<string, Json> => (schema?.properties as Record<string, Json> | undefined) ?? {};
const bodySchema = (op: OpenApiOperation) => op.operation.requestBody?.content["application/json"]?.schema;
const successSchema = (op: OpenApiOperation) =>
  Object.entries(op.operation.responses).find(([status]) => status.startsWith("2"))?.[1].content?.["application/json"]?.schema;

/** Every way the client's tables disagree with the document. */
function clientProblems(client: ClientTables): string[] {
  const problems: string[] = [];
  const operations = operationsOf(document);
  const bodyFields = new Map<string, Json>();
  for (const endpoint of client.endpoints) {
    const op = operations.find((candidate) => candidate.method === endpoint.method.toLowerCase() && candidate.path === endpoint.path);
    if (!op) {
      problems.push(`${endpoint.name}: ${endpoint.method} ${endpoint.path} is not in the document`);
      continue;
    }
    const accepted = properties(bodySchema(op));
    for (const field of endpoint.requestFields) {
      if (!accepted[field]) problems.push(`${endpoint.name}: sends "${field}", which the document's request body does not have`);
      else bodyFields.set(field, accepted[field]);
    }
    const answered = properties(successSchema(op));
    for (const field of endpoint.responseFields) if (!answered[field]) problems.push(`${endpoint.name}: reads "${field}", which the document's answer does not have`);
  }
  for (const { field, itemFields } of client.nested) {
    const items = bodyFields.get(field)?.items as Json | undefined;
    if (!items) {
      problems.push(`nested "${field}": no array of objects in the document`);
      continue;
    }
    for (const itemField of itemFields) if (!properties(items)[itemField]) problems.push(`nested "${field}": sends "${itemField}", which the document does not have`);
  }
  const envelope = operations[0]!.operation.responses["500"]?.content?.["application/json"]?.schema;
  const errorProperties = properties(properties(envelope).error);
  for (const field of client.errorFields) if (!errorProperties[field]) problems.push(`error envelope: reads "${field}", which the document does not have`);
  const gateway = operations.filter((op) => op.path.startsWith(`${client.gatewayPath}/`));
  if (gateway.length === 0) problems.push(`gateway: no documented path under ${client.gatewayPath}`);
  const documentedHeaders = new Set(
    gateway.flatMap((op) => [
      ...(op.operation.parameters ?? []).filter((param) => param.in === "header").map((param) => param.name),
      ...Object.values(op.operation.responses).flatMap((response) => Object.keys(response.headers ?? {})),
    ]),
  );
  for (const header of client.gatewayHeaders) if (!documentedHeaders.has(header)) problems.push(`gateway: uses header ${header}, which the document does not describe`);
  return problems;
}

const typescriptClient: ClientTables = {
  endpoints: Object.entries(LATCHKEY_ENDPOINTS).map(([name, endpoint]) => ({ name, method: endpoint.method, path: endpoint.path, requestFields: [...endpoint.requestFields], responseFields: [...endpoint.responseFields] })),
  nested: [
    { field: "restrictedResources", itemFields: [...LATCHKEY_NESTED_FIELDS.restrictedResource] },
    { field: "outcomes", itemFields: [...LATCHKEY_NESTED_FIELDS.outcome] },
  ],
  errorFields: [...LATCHKEY_ERROR_FIELDS.fields],
  gatewayPath: LATCHKEY_GATEWAY_PATH,
  gatewayHeaders: Object.values(GATEWAY_HEADERS),
};

const PYTHON_DUMP = `
import json, sys
sys.path.insert(0, sys.argv[1])
from latchkey import _paths, gateway
print(json.dumps({
  "endpoints": [{"name": n, "method": e.method, "path": e.path, "requestFields": list(e.request_fields), "responseFields": list(e.response_fields)} for n, e in _paths.LATCHKEY_ENDPOINTS.items()],
  "nested": [{"field": "restrictedResources", "itemFields": list(_paths.LATCHKEY_NESTED_FIELDS["restricted_resource"])}, {"field": "outcomes", "itemFields": list(_paths.LATCHKEY_NESTED_FIELDS["outcome"])}],
  "errorFields": list(_paths.ERROR_FIELDS),
  "gatewayPath": _paths.GATEWAY_PATH,
  "gatewayHeaders": [value for name, value in vars(gateway).items() if name.endswith("_HEADER") and isinstance(value, str) and value.startswith("x-latchkey-")],
}))
`;

function pythonClient(): ClientTables | null {
  try {
    return JSON.parse(execFileSync("python3", ["-c", PYTHON_DUMP, path.join(ROOT, "clients/python")], { encoding: "utf8" })) as ClientTables;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

describe("the clients against the OpenAPI document", () => {
  it("the TypeScript client calls only documented paths, fields and headers", () => {
    expect(typescriptClient.endpoints.length).toBeGreaterThanOrEqual(4);
    expect(clientProblems(typescriptClient)).toEqual([]);
  });

  const python = pythonClient();
  it.skipIf(python === null)("the Python client calls only documented paths, fields and headers", () => {
    expect(python!.endpoints.map((endpoint) => endpoint.path).sort()).toEqual(typescriptClient.endpoints.map((endpoint) => endpoint.path).sort());
    expect(python!.gatewayHeaders.length).toBeGreaterThanOrEqual(4);
    expect(clientProblems(python!)).toEqual([]);
  });

  it("a client that strays from the document is caught", () => {
    const stray: ClientTables = {
      ...typescriptClient,
      endpoints: [
        { name: "renamed", method: "POST", path: "/api/v1/authorizations/{authorizationId}/token", requestFields: [], responseFields: [] },
        { name: "wrongMethod", method: "GET", path: "/api/v1/outcomes", requestFields: [], responseFields: [] },
        { ...typescriptClient.endpoints.find((endpoint) => endpoint.name === "accessToken")!, requestFields: ["rejectedToken", "force"], responseFields: ["accessToken", "refreshToken"] },
      ],
      nested: [{ field: "outcomes", itemFields: ["authorizationId", "latency"] }],
      errorFields: ["code", "hint"],
      gatewayHeaders: ["x-latchkey-max-wait-ms", "x-latchkey-priority"],
    };
    expect(clientProblems(stray)).toEqual([
      "renamed: POST /api/v1/authorizations/{authorizationId}/token is not in the document",
      "wrongMethod: GET /api/v1/outcomes is not in the document",
      'accessToken: sends "force", which the document\'s request body does not have',
      'accessToken: reads "refreshToken", which the document\'s answer does not have',
      'nested "outcomes": no array of objects in the document',
      'error envelope: reads "hint", which the document does not have',
      "gateway: uses header x-latchkey-priority, which the document does not describe",
    ]);
  });
});
