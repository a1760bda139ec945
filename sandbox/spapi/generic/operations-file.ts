import { readFileSync } from "node:fs";
import { z } from "zod";

/** Where `npm run sandbox:examples` writes the operations it reads from Amazon's models. */
export const OPERATIONS_FILE = new URL("../generated/operations.json", import.meta.url);

export const HTTP_METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * One static `x-amzn-api-sandbox` example: the request parameters it matches (path and query values as the
 * strings a URL carries, arrays comma-joined; the JSON body) and the answer. A parameter the example leaves
 * without a value is not listed: it matches anything.
 */
export const sandboxExampleSchema = z.object({
  status: z.number().int(),
  request: z.object({
    path: z.record(z.string(), z.string()).optional(),
    query: z.record(z.string(), z.string()).optional(),
    body: z.unknown().optional(),
  }),
  response: z.unknown().optional(),
  headers: z.record(z.string(), z.string()).optional(),
});
export type SandboxExample = z.infer<typeof sandboxExampleSchema>;

export const usagePlanSchema = z.object({ rate: z.number().positive(), burst: z.number().int().positive() });
export type ModelUsagePlan = z.infer<typeof usagePlanSchema>;

export const generatedOperationSchema = z.object({
  /** The model file's name without `.json`, e.g. `catalogItems_2022-04-01`. */
  api: z.string(),
  operationId: z.string(),
  method: z.enum(HTTP_METHODS),
  /** The real SP-API path template, e.g. `/catalog/2022-04-01/items/{asin}`. */
  path: z.string().startsWith("/"),
  /** The default usage plan from the description's `| Rate (requests per second) | Burst |` table; absent when the model gives none. */
  usagePlan: usagePlanSchema.optional(),
  /** The description says the operation is grantless. */
  grantless: z.literal(true).optional(),
  examples: z.array(sandboxExampleSchema),
});
export type GeneratedOperation = z.infer<typeof generatedOperationSchema>;

export const operationsFileSchema = z.object({
  source: z.string(),
  operations: z.array(generatedOperationSchema),
});
export type OperationsFile = z.infer<typeof operationsFileSchema>;

/**
 * The committed file's text: one operation per line, so a regenerated model shows up as a readable diff.
 * The generator writes exactly this; the freshness test compares with it.
 */
export function serializeOperationsFile(file: OperationsFile): string {
  const lines = file.operations.map((operation) => `    ${JSON.stringify(operation)}`);
  return `{\n  "source": ${JSON.stringify(file.source)},\n  "operations": [\n${lines.join(",\n")}\n  ]\n}\n`;
}

let loaded: GeneratedOperation[] | undefined;

/** The generated operations, read and validated once per process. */
export function generatedOperations(): readonly GeneratedOperation[] {
  loaded ??= operationsFileSchema.parse(JSON.parse(readFileSync(OPERATIONS_FILE, "utf8"))).operations;
  return loaded;
}
