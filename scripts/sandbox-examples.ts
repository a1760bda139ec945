// Reads every Amazon SP-API model (Swagger 2.0) and writes what the sandbox's generic dispatcher needs:
// per operation its method, path template, operationId, default usage plan, whether it is grantless, and
// the static `x-amzn-api-sandbox` examples. Deterministic, so the committed file can be checked for freshness.
//   npm run sandbox:examples            (models at AMAZON_MODELS_DIR or ../shared/amazon-models)
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  HTTP_METHODS,
  OPERATIONS_FILE,
  serializeOperationsFile,
  type GeneratedOperation,
  type HttpMethod,
  type ModelUsagePlan,
  type OperationsFile,
  type SandboxExample,
} from "../sandbox/spapi/generic/operations-file";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE = "Amazon's SP-API models (amzn/selling-partner-api-models, see ../shared/amazon-models/README.md); npm run sandbox:examples";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** `AMAZON_MODELS_DIR`, or `../shared/amazon-models` next to the repository. */
export function amazonModelsDir(): string {
  return process.env.AMAZON_MODELS_DIR ? path.resolve(process.env.AMAZON_MODELS_DIR) : path.resolve(REPO_ROOT, "../shared/amazon-models");
}

export function amazonModelsAvailable(dir = amazonModelsDir()): boolean {
  return existsSync(path.join(dir, "sellers.json"));
}

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((cell) => cell.trim());
}

function toNumber(cell: string | undefined): number | undefined {
  if (!cell || !/^(\d+(\.\d*)?|\.\d+)$/.test(cell)) return undefined;
  return Number(cell);
}

/**
 * The default usage plan from an operation's description: the first row under the
 * `| Rate (requests per second) | Burst |` header (some tables put a "Plan type" column first).
 * Undefined when there is no table or its values are not numbers (`| n | n |`).
 */
export function parseUsagePlan(description: string): ModelUsagePlan | undefined {
  const lines = description.replaceAll("\\n", "\n").split("\n");
  const headerIndex = lines.findIndex((line) => /\|\s*Rate \(requests per second\)\s*\|/.test(line));
  if (headerIndex === -1) return undefined;
  const header = cells(lines[headerIndex] ?? "");
  const rateColumn = header.findIndex((cell) => cell.startsWith("Rate"));
  const burstColumn = header.findIndex((cell) => cell === "Burst");
  const row = lines.slice(headerIndex + 1).find((line) => line.includes("|") && !/^[\s|:-]+$/.test(line));
  if (!row || burstColumn === -1) return undefined;
  const values = cells(row);
  const rate = toNumber(values[rateColumn]);
  const burst = toNumber(values[burstColumn]);
  if (rate === undefined || burst === undefined || rate <= 0 || burst < 1 || !Number.isInteger(burst)) return undefined;
  return { rate, burst };
}

/** A path or query value as a URL carries it: arrays comma-joined (SP-API's `csv` collection format). */
function urlValue(value: Json): string {
  if (Array.isArray(value)) return value.map((item) => urlValue(item)).join(",");
  if (isObject(value)) return JSON.stringify(value);
  return String(value);
}

type ParameterLocation = "path" | "query" | "body" | "other";

function parameterLocations(model: JsonObject, pathItem: JsonObject, operation: JsonObject): Map<string, ParameterLocation> {
  const locations = new Map<string, ParameterLocation>();
  const shared = isObject(model.parameters) ? model.parameters : {};
  const declared = [...(Array.isArray(pathItem.parameters) ? pathItem.parameters : []), ...(Array.isArray(operation.parameters) ? operation.parameters : [])];
  for (const entry of declared) {
    const ref = isObject(entry) && typeof entry.$ref === "string" ? shared[entry.$ref.split("/").pop() ?? ""] : entry;
    if (!isObject(ref) || typeof ref.name !== "string") continue;
    const where = ref.in === "path" || ref.in === "query" || ref.in === "body" ? ref.in : "other";
    locations.set(ref.name, where);
  }
  return locations;
}

function readExample(status: number, example: JsonObject, locations: Map<string, ParameterLocation>): SandboxExample {
  const request: SandboxExample["request"] = {};
  const parameters = isObject(example.request) && isObject(example.request.parameters) ? example.request.parameters : {};
  for (const [name, parameter] of Object.entries(parameters)) {
    if (!isObject(parameter) || !("value" in parameter)) continue;
    const value = parameter.value ?? null;
    // Some examples call the body parameter `body` whatever the model names it.
    const where = locations.get(name) ?? (name === "body" ? "body" : "other");
    if (where === "body") request.body = value;
    else if (where === "path") (request.path ??= {})[name] = urlValue(value);
    else if (where === "query") (request.query ??= {})[name] = urlValue(value);
  }
  const result: SandboxExample = { status, request };
  if ("response" in example) result.response = example.response;
  if (isObject(example.responseHeaders)) {
    const headers = Object.entries(example.responseHeaders).map(([name, header]) => [name, urlValue(isObject(header) && "value" in header ? (header.value ?? "") : header)]);
    result.headers = Object.fromEntries(headers);
  }
  return result;
}

function readOperation(api: string, model: JsonObject, template: string, pathItem: JsonObject, method: HttpMethod, operation: JsonObject): GeneratedOperation {
  const description = typeof operation.description === "string" ? operation.description : "";
  const locations = parameterLocations(model, pathItem, operation);
  const examples: SandboxExample[] = [];
  const responses = isObject(operation.responses) ? operation.responses : {};
  for (const [code, response] of Object.entries(responses)) {
    const status = Number(code);
    const sandbox = isObject(response) && isObject(response["x-amzn-api-sandbox"]) ? response["x-amzn-api-sandbox"] : undefined;
    if (!Number.isInteger(status) || !sandbox || !Array.isArray(sandbox.static)) continue;
    for (const example of sandbox.static) if (isObject(example)) examples.push(readExample(status, example, locations));
  }
  const usagePlan = parseUsagePlan(description);
  return {
    api,
    operationId: typeof operation.operationId === "string" ? operation.operationId : `${method} ${template}`,
    method,
    path: template,
    ...(usagePlan ? { usagePlan } : {}),
    ...(/\bis grantless\b/i.test(description) ? { grantless: true as const } : {}),
    examples,
  };
}

/** Every operation of every model in `modelsDir`, in file-name then model order. */
export function buildOperationsFile(modelsDir: string): OperationsFile {
  const files = readdirSync(modelsDir)
    .filter((name) => name.endsWith(".json"))
    .sort();
  const operations: GeneratedOperation[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const model = JSON.parse(readFileSync(path.join(modelsDir, file), "utf8")) as Json;
    if (!isObject(model) || !isObject(model.paths)) continue;
    const api = file.replace(/\.json$/, "");
    for (const [template, pathItem] of Object.entries(model.paths)) {
      if (!isObject(pathItem)) continue;
      for (const [key, operation] of Object.entries(pathItem)) {
        const method = HTTP_METHODS.find((candidate) => candidate === key.toUpperCase());
        if (!method || !isObject(operation)) continue;
        const id = `${method} ${template}`;
        const earlier = seen.get(id);
        if (earlier) throw new Error(`${id} is declared by both ${earlier} and ${file}`);
        seen.set(id, file);
        operations.push(readOperation(api, model, template, pathItem, method, operation));
      }
    }
  }
  return { source: SOURCE, operations };
}

function main(): void {
  const dir = amazonModelsDir();
  if (!amazonModelsAvailable(dir)) {
    console.error(`sandbox:examples: Amazon's models were not found at ${dir} (set AMAZON_MODELS_DIR)`);
    process.exit(1);
  }
  const file = buildOperationsFile(dir);
  writeFileSync(OPERATIONS_FILE, serializeOperationsFile(file));
  const examples = file.operations.reduce((sum, operation) => sum + operation.examples.length, 0);
  console.log(`sandbox:examples: ${file.operations.length} operations, ${examples} examples → ${path.relative(REPO_ROOT, fileURLToPath(OPERATIONS_FILE))}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
