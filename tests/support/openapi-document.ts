// Reading Latchkey's OpenAPI document in tests: its operations, and a validator of real answers against it
// (ajv, JSON Schema 2020-12, the dialect OpenAPI 3.1 uses).
import { readdirSync } from "node:fs";
import path from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

export type Json = Record<string, unknown>;
export interface OpenApiOperation {
  method: string;
  path: string;
  operation: { parameters?: { name: string; in: string }[]; requestBody?: { content: Record<string, { schema: Json }> }; responses: Record<string, { content?: Record<string, { schema: Json }>; headers?: Record<string, unknown> }> };
}

export const HTTP_METHODS = ["get", "post", "put", "patch", "delete"] as const;

export function operationsOf(document: Json): OpenApiOperation[] {
  const paths = document.paths as Record<string, Record<string, OpenApiOperation["operation"]>>;
  return Object.entries(paths).flatMap(([p, item]) => HTTP_METHODS.filter((method) => item[method]).map((method) => ({ method, path: p, operation: item[method]! })));
}

/** `/api/v1/authorizations/{x}/access-token` and `app/api/v1/authorizations/[id]/access-token` → one shape. */
export function pathShape(template: string): string {
  return template.replace(/\{[^}]+\}|\[\.\.\.[^\]]+\]|\[[^\]]+\]/g, "{}");
}

/** Every route file under app/api/v1, as its URL template (`[id]`, `[...path]` kept). */
export function routeFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^route\.(ts|tsx|js)$/.test(entry.name)) found.push(`/${path.relative(path.join(root, "app"), dir).split(path.sep).join("/")}`);
    }
  };
  walk(path.join(root, "app/api/v1"));
  return found.sort();
}

export function topLevelProperties(schema: Json | undefined): string[] {
  return Object.keys((schema?.properties as Json | undefined) ?? {});
}

export class DocumentValidator {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly cache = new Map<string, ValidateFunction>();
  constructor(readonly document: Json) {
    addFormats(this.ajv);
  }

  find(method: string, shape: string): OpenApiOperation | undefined {
    return operationsOf(this.document).find((op) => op.method === method.toLowerCase() && pathShape(op.path) === shape);
  }

  private compile(key: string, schema: Json): ValidateFunction {
    let validate = this.cache.get(key);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.cache.set(key, validate);
    }
    return validate;
  }

  /** Problems of a request body the test sends, against the operation's requestBody. */
  requestProblems(op: OpenApiOperation, body: unknown): string[] {
    const schema = op.operation.requestBody?.content["application/json"]?.schema ?? op.operation.requestBody?.content["*/*"]?.schema;
    if (!schema) return body === undefined ? [] : ["the document has no request body here"];
    const validate = this.compile(`req ${op.method} ${op.path}`, schema);
    return validate(body) ? [] : [JSON.stringify(validate.errors)];
  }

  /**
   * Problems of a real answer against the document: its status must be documented (exactly, or as a `4XX`/`5XX`
   * range when the answer is Amazon's, passed through by the gateway), and its JSON body must match.
   */
  responseProblems(op: OpenApiOperation, status: number, headers: Headers, text: string): string[] {
    const passthrough = headers.has("x-latchkey-error-kind");
    const key = passthrough ? `${String(status)[0]}XX` : String(status);
    const response = op.operation.responses[key];
    if (!response) return [`status ${status} (${key}) is not documented for ${op.method.toUpperCase()} ${op.path}`];
    const content = response.content;
    if (!content) return text === "" ? [] : [`a body where the document has none: ${text.slice(0, 200)}`];
    if (content["*/*"]) return [];
    const schema = content["application/json"]?.schema;
    if (!schema) return [`no JSON schema for ${key}`];
    if (!(headers.get("content-type") ?? "").startsWith("application/json")) return [`content-type ${headers.get("content-type")} is not JSON`];
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return [`not JSON: ${text.slice(0, 200)}`];
    }
    const validate = this.compile(`res ${op.method} ${op.path} ${key}`, schema);
    return validate(body) ? [] : [`${status} ${text.slice(0, 300)}: ${JSON.stringify(validate.errors)}`];
  }
}
