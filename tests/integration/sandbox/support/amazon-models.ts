import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { amazonModelsAvailable, amazonModelsDir, isObject, type Json, type JsonObject } from "../../../../scripts/sandbox-examples";

interface SwaggerOperation {
  operationId?: string;
  parameters?: JsonObject[];
  responses: Record<string, { schema?: JsonObject }>;
}

interface SwaggerModel {
  swagger: string;
  paths: Record<string, Record<string, SwaggerOperation | Json>>;
  definitions?: JsonObject;
}

export { amazonModelsAvailable, amazonModelsDir };

/**
 * Swagger 2.0 schema → JSON Schema for ajv: drops `x-` extensions and `example`, and (strict mode) closes
 * objects that list properties, so a field the model does not declare is an error.
 */
function convert(schema: Json, strict: boolean): Json {
  if (Array.isArray(schema)) return schema.map((item) => convert(item, strict));
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith("x-") || key === "example" || key === "discriminator") continue;
    if (key === "properties" && isObject(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, property]) => [name, convert(property, strict)]));
      continue;
    }
    out[key] = convert(value, strict);
  }
  if (strict && isObject(out.properties) && out.additionalProperties === undefined && out.allOf === undefined) out.additionalProperties = false;
  return out;
}

export interface ValidationResult {
  valid: boolean;
  errors: string;
}

/** Loads the official SP-API models and validates bodies against the schemas they declare. */
export class AmazonModels {
  private readonly ajv: Ajv;
  private readonly models = new Map<string, SwaggerModel>();
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(
    private readonly dir = amazonModelsDir(),
    private readonly strict = true,
  ) {
    this.ajv = new Ajv({ strict: false, allErrors: true, logger: false });
    addFormats(this.ajv);
    for (const format of ["int32", "int64", "float", "double", "boolean", "byte", "binary", "password"]) this.ajv.addFormat(format, true);
  }

  model(file: string): SwaggerModel {
    let model = this.models.get(file);
    if (!model) {
      model = JSON.parse(readFileSync(path.join(this.dir, file), "utf8")) as SwaggerModel;
      this.models.set(file, model);
    }
    return model;
  }

  operation(file: string, operationId: string): { method: string; path: string; operation: SwaggerOperation } {
    for (const [route, methods] of Object.entries(this.model(file).paths)) {
      for (const [method, candidate] of Object.entries(methods)) {
        if (isObject(candidate as Json) && (candidate as SwaggerOperation).operationId === operationId) {
          return { method: method.toUpperCase(), path: route, operation: candidate as SwaggerOperation };
        }
      }
    }
    throw new Error(`${operationId} is not in ${file}`);
  }

  /** The response schema for an operation and status, or null when the model declares no body (e.g. 204). */
  responseSchema(file: string, operationId: string, status: number): JsonObject | null {
    const response = this.operation(file, operationId).operation.responses[String(status)];
    if (!response) throw new Error(`${file} ${operationId} declares no ${status} response`);
    return response.schema ?? null;
  }

  requestSchema(file: string, operationId: string): JsonObject {
    const body = this.operation(file, operationId).operation.parameters?.find((parameter) => parameter.in === "body");
    if (!body || !isObject(body.schema)) throw new Error(`${file} ${operationId} has no body parameter`);
    return body.schema;
  }

  private validator(file: string, key: string, schema: JsonObject): ValidateFunction {
    const cacheKey = `${file}#${key}`;
    let validate = this.cache.get(cacheKey);
    if (!validate) {
      const root = convert({ ...schema, definitions: this.model(file).definitions ?? {} }, this.strict);
      validate = this.ajv.compile(root as object);
      this.cache.set(cacheKey, validate);
    }
    return validate;
  }

  private run(validate: ValidateFunction, body: unknown): ValidationResult {
    const valid = validate(body) === true;
    return { valid, errors: valid ? "" : this.ajv.errorsText(validate.errors as ErrorObject[] | null | undefined, { separator: "\n" }) };
  }

  validateResponse(file: string, operationId: string, status: number, body: unknown): ValidationResult {
    const schema = this.responseSchema(file, operationId, status);
    if (schema === null) return body === undefined ? { valid: true, errors: "" } : { valid: false, errors: `expected an empty body, got ${JSON.stringify(body)}` };
    return this.run(this.validator(file, `${operationId}:${status}`, schema), body);
  }

  validateRequest(file: string, operationId: string, body: unknown): ValidationResult {
    return this.run(this.validator(file, `${operationId}:request`, this.requestSchema(file, operationId)), body);
  }

  /** A schema from `#/definitions` (for bodies no operation declares, e.g. an unknown route's error). */
  validateDefinition(file: string, definition: string, body: unknown): ValidationResult {
    return this.run(this.validator(file, `definition:${definition}`, { $ref: `#/definitions/${definition}` }), body);
  }
}
