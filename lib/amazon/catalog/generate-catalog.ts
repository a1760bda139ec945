// Builds the operation catalog from Amazon's SP-API models (../shared/amazon-models) and the facts
// Amazon documents only in prose (data/*.json: restricted operations, grantless operations, role
// mappings). Deterministic: the same inputs give the same JSON, byte for byte. Used by
// `npm run amazon:catalog` and by the test that checks the committed catalog is current.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { HTTP_METHODS, type CatalogOperation, type HttpMethod, type OperationCatalog, type RoleGrant } from "./catalog-schema";
import grantlessData from "./data/grantless-operations.json";
import restrictedData from "./data/restricted-operations.json";
import roleData from "./data/role-mappings.json";
import { compilePathMatcher } from "./path-matcher";

/** Where CI and a developer checkout keep the models: `shared/` beside the repository. */
export const DEFAULT_MODELS_DIR = path.resolve(import.meta.dirname, "../../../../shared/amazon-models");

const modelOperation = z.object({
  operationId: z.string().min(1),
  description: z.string().default(""),
  deprecated: z.boolean().optional(),
  "x-amzn-api-sandbox-only": z.unknown().optional(),
});

const model = z.object({
  info: z.object({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});

const operationRef = z.object({ api: z.string(), operationId: z.string() });
const region = z.enum(["NA", "EU", "FE"]);
const roleEntry = z.union([z.string(), z.object({ name: z.string(), regions: z.array(region) })]);

const restrictedFile = z.object({
  source: z.string().url(),
  readOn: z.string(),
  groups: z.array(
    z.object({
      group: z.string(),
      apis: z.array(z.string()).min(1),
      operationIds: z.array(z.string()).min(1),
      dataElements: z.array(z.string()).optional(),
      specificPathOnly: z.boolean().optional(),
    }),
  ),
  documentedOnly: z.array(operationRef.extend({ method: z.enum(HTTP_METHODS), path: z.string().startsWith("/"), deprecated: z.boolean() })),
});
const grantlessFile = z.object({ source: z.string().url(), readOn: z.string(), operations: z.array(operationRef.extend({ scope: z.string() })) });
const rolesFile = z.object({
  source: z.string().url(),
  readOn: z.string(),
  apis: z.array(z.object({ api: z.string(), roles: z.array(roleEntry), complete: z.boolean() })),
  operations: z.array(operationRef.extend({ roles: z.array(roleEntry), regions: z.array(region).optional(), complete: z.boolean() })),
});

const cellsOf = (line: string) => line.trim().replace(/^\||\|$/g, "").split("|").map((cell) => cell.trim());

/**
 * The default usage plan from a description's Markdown table: `| Rate (requests per second) | Burst |`,
 * or `| Plan type | Rate (requests per second) | Burst |` whose `Default` row holds the default. A table
 * without numbers (Amazon writes `| n | n |` for some) is no plan.
 */
function parseUsagePlan(description: string, where: string): CatalogOperation["usagePlan"] {
  // Some models escape their newlines twice: a literal backslash-n separates the lines there.
  const lines = description.split(/\n|\\n/);
  const header = lines.findIndex((line) => line.includes("Rate (requests per second)"));
  const headerLine = lines[header];
  if (headerLine === undefined) return null;
  const columns = cellsOf(headerLine);
  const rateColumn = columns.indexOf("Rate (requests per second)");
  const burstColumn = columns.indexOf("Burst");
  const rows = lines.slice(header + 2).map(cellsOf);
  const row = columns[0] === "Plan type" ? rows.find((cells) => cells[0] === "Default") : rows[0];
  const rate = Number(row?.[rateColumn]);
  const burst = Number(row?.[burstColumn]);
  if (burstColumn === -1 || !row) throw new Error(`${where}: a usage-plan table that cannot be read`);
  return rate > 0 && Number.isInteger(burst) && burst > 0 ? { rate, burst } : null;
}

interface ModelOperations {
  api: string;
  operations: CatalogOperation[];
  descriptions: Map<string, string>;
  /** The model as Amazon publishes it, for checks that read its examples. */
  text: string;
}

function readModel(modelsDir: string, file: string): ModelOperations {
  const api = file.replace(/\.json$/, "");
  const text = readFileSync(path.join(modelsDir, file), "utf8");
  const parsed = model.parse(JSON.parse(text));
  const operations: CatalogOperation[] = [];
  const descriptions = new Map<string, string>();
  for (const [template, item] of Object.entries(parsed.paths)) {
    for (const [verb, raw] of Object.entries(item)) {
      const method = verb.toUpperCase() as HttpMethod;
      if (!HTTP_METHODS.includes(method)) continue;
      const op = modelOperation.parse(raw);
      const key = `${api} ${method} ${template}`;
      descriptions.set(key, op.description);
      operations.push({
        key,
        api,
        apiTitle: parsed.info.title.trim(),
        version: parsed.info.version,
        operationId: op.operationId,
        method,
        path: template,
        usagePlan: parseUsagePlan(op.description, key),
        restricted: false,
        dataElements: [],
        specificPathOnly: false,
        grantlessScope: null,
        roles: null,
        rolesComplete: false,
        deprecated: op.deprecated ?? false,
        sandboxOnly: op["x-amzn-api-sandbox-only"] !== undefined || /sandbox-only operation/i.test(op.description),
        source: "model",
      });
    }
  }
  return { api, operations, descriptions, text: JSON.stringify(JSON.parse(text)) };
}

function documentedOnlyOperation(entry: z.infer<typeof restrictedFile>["documentedOnly"][number], models: readonly ModelOperations[]): CatalogOperation {
  const sibling = models.find((m) => m.api === entry.api)?.operations[0];
  if (!sibling) throw new Error(`documented operation ${entry.api}.${entry.operationId}: no model ${entry.api}`);
  return {
    ...sibling,
    key: `${entry.api} ${entry.method} ${entry.path}`,
    operationId: entry.operationId,
    method: entry.method,
    path: entry.path,
    usagePlan: null,
    deprecated: entry.deprecated,
    sandboxOnly: false,
    source: "documentation",
  };
}

function toGrants(entries: readonly z.infer<typeof roleEntry>[], regions?: RoleGrant["regions"]): RoleGrant[] {
  return entries.map((entry) => {
    const grant = typeof entry === "string" ? { name: entry, regions } : entry;
    return grant.regions ? { name: grant.name, regions: grant.regions } : { name: grant.name };
  });
}

/** The catalog the models and the documentation data describe now. */
export function generateCatalog(modelsDir: string = DEFAULT_MODELS_DIR): OperationCatalog {
  const restricted = restrictedFile.parse(restrictedData);
  const grantless = grantlessFile.parse(grantlessData);
  const roles = rolesFile.parse(roleData);
  const files = readdirSync(modelsDir).filter((file) => file.endsWith(".json")).sort();
  if (files.length === 0) throw new Error(`no models in ${modelsDir}`);
  const models = files.map((file) => readModel(modelsDir, file));
  const operations = [...models.flatMap((m) => m.operations), ...restricted.documentedOnly.map((entry) => documentedOnlyOperation(entry, models))];

  const named = (ref: z.infer<typeof operationRef>, what: string) => {
    const found = operations.filter((op) => op.api === ref.api && op.operationId === ref.operationId);
    if (found.length === 0) throw new Error(`${what}: ${ref.api}.${ref.operationId} is in no model`);
    return found;
  };

  for (const group of restricted.groups) {
    for (const operationId of group.operationIds) {
      const found = operations.filter((op) => group.apis.includes(op.api) && op.operationId === operationId);
      if (found.length === 0) throw new Error(`restricted operations: ${group.group} ${operationId} is in none of ${group.apis.join(", ")}`);
      for (const op of found) {
        op.restricted = true;
        op.dataElements = group.dataElements ?? [];
        op.specificPathOnly = group.specificPathOnly ?? false;
      }
    }
  }
  for (const entry of grantless.operations) {
    for (const op of named(entry, "grantless operations")) {
      op.grantlessScope = entry.scope;
      op.roles = [];
      op.rolesComplete = true;
    }
  }
  for (const entry of roles.apis) {
    const inApi = operations.filter((op) => op.api === entry.api && !op.grantlessScope);
    if (inApi.length === 0) throw new Error(`role mappings: no operations in ${entry.api}`);
    for (const op of inApi) {
      op.roles = toGrants(entry.roles);
      op.rolesComplete = entry.complete;
    }
  }
  for (const entry of roles.operations) {
    for (const op of named(entry, "role mappings")) {
      op.roles = toGrants(entry.roles, entry.regions);
      op.rolesComplete = entry.complete;
    }
  }

  crossCheckWithModels(models, operations);
  operations.sort((a, b) => (a.path === b.path ? HTTP_METHODS.indexOf(a.method) - HTTP_METHODS.indexOf(b.method) : a.path < b.path ? -1 : 1));
  return {
    sources: [
      { name: "Tokens API use-case guide (restricted operations)", url: restricted.source, readOn: restricted.readOn },
      { name: "Grantless operations", url: grantless.source, readOn: grantless.readOn },
      { name: "Role Mappings for SP-API Operations", url: roles.source, readOn: roles.readOn },
    ],
    models: files,
    operations,
  };
}

/**
 * What the models themselves say must agree with the documentation data: an operation whose
 * description calls it grantless is listed as grantless, and every example resource in the Tokens
 * model (`restrictedResources[].path`) that names a catalog operation names a restricted one.
 */
function crossCheckWithModels(models: readonly ModelOperations[], operations: readonly CatalogOperation[]) {
  const byKey = new Map(operations.map((op) => [op.key, op]));
  for (const m of models) {
    for (const [key, description] of m.descriptions) {
      if (/operation is grantless|API is grantless/i.test(description) && !byKey.get(key)?.grantlessScope) {
        throw new Error(`${key}: the model calls it grantless, data/grantless-operations.json does not list it`);
      }
    }
  }
  const match = compilePathMatcher(operations);
  const tokens = models.find((m) => m.api === "tokens_2021-03-01");
  for (const [, method = "", examplePath = ""] of (tokens?.text ?? "").matchAll(/"method":"(GET|POST|PUT|PATCH|DELETE)","path":"(\/[^"]+)"/g)) {
    const op = match(method, examplePath);
    if (op && !op.restricted) throw new Error(`the Tokens model's example ${method} ${examplePath} names ${op.key}, which is not listed as restricted`);
  }
}

/** The committed file's text for a catalog. */
export function serializeCatalog(catalog: OperationCatalog): string {
  return `${JSON.stringify(catalog, null, 2)}\n`;
}
