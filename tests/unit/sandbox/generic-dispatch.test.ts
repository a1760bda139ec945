import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { amazonModelsAvailable, amazonModelsDir, buildOperationsFile, parseUsagePlan } from "../../../scripts/sandbox-examples";
import { compareSpecificity, findMostSpecific } from "../../../sandbox/spapi/generic/find-generic-operation";
import { chooseExample, type ExampleRequest } from "../../../sandbox/spapi/generic/match-example";
import { generatedOperations, OPERATIONS_FILE, serializeOperationsFile, type SandboxExample } from "../../../sandbox/spapi/generic/operations-file";
import { API_ROLES } from "../../../sandbox/spapi/generic/role-mappings";
import type { Operation } from "../../../sandbox/spapi/operation";
import { findOperation } from "../../../sandbox/spapi/operations";
import { accountInputSchema } from "../../../sandbox/state/account-input";

const MODELS_DIR = amazonModelsDir();
const modelsAvailable = amazonModelsAvailable(MODELS_DIR);
if (!modelsAvailable) console.warn(`[sandbox examples] Amazon models not found at ${MODELS_DIR}; skipping the freshness check of ${OPERATIONS_FILE.pathname} (set AMAZON_MODELS_DIR).`);

const request = (overrides: Partial<ExampleRequest> = {}): ExampleRequest => ({ params: {}, query: new URLSearchParams(), body: undefined, ...overrides });

describe("parseUsagePlan", () => {
  it("reads the rate and burst under the table header", () => {
    expect(parseUsagePlan("Returns items.\n\n**Usage Plan:**\n\n| Rate (requests per second) | Burst |\n| ---- | ---- |\n| 2 | 2 |\n\nThe header ...")).toEqual({ rate: 2, burst: 2 });
  });

  it("reads tables written with escaped newlines and decimals without a leading zero", () => {
    expect(parseUsagePlan("x\\n\\n| Rate (requests per second) | Burst |\\n| ---- | ---- |\\n| .5 | 30 |\\n")).toEqual({ rate: 0.5, burst: 30 });
  });

  it("takes the Default row of a table with a plan-type column", () => {
    expect(parseUsagePlan("| Plan type | Rate (requests per second) | Burst |\n| ---- | ---- | ---- |\n|Default| 5 | 10 |\n|Selling partner specific| Variable | Variable |")).toEqual({ rate: 5, burst: 10 });
  });

  it("has no plan without a table or with placeholder values", () => {
    expect(parseUsagePlan("Returns a list of accounts.")).toBeUndefined();
    expect(parseUsagePlan("| Rate (requests per second) | Burst |\n| ---- | ---- |\n| n | n |")).toBeUndefined();
  });
});

describe("chooseExample", () => {
  const anything: SandboxExample = { status: 200, request: {}, response: { which: "anything" } };
  const byAsin: SandboxExample = { status: 200, request: { path: { asin: "B07N4M94X4" }, query: { marketplaceIds: "ATVPDKIKX0DER", includedData: "summaries,images" } }, response: { which: "asin" } };
  const invalid: SandboxExample = { status: 400, request: { path: { asin: "bad" } }, response: { which: "invalid" } };

  it("answers the example whose parameters all match, the most specific first", () => {
    const examples = [anything, byAsin, invalid];
    const query = new URLSearchParams({ marketplaceIds: "ATVPDKIKX0DER", includedData: "summaries,images", locale: "en_US" });
    expect(chooseExample(examples, request({ params: { asin: "B07N4M94X4" }, query }))).toBe(byAsin);
    expect(chooseExample(examples, request({ params: { asin: "bad" } }))).toBe(invalid);
    expect(chooseExample(examples, request({ params: { asin: "B000000000" } }))).toBe(anything);
  });

  it("reads repeated query parameters like a comma-separated array", () => {
    const query = new URLSearchParams([
      ["marketplaceIds", "ATVPDKIKX0DER"],
      ["includedData", "summaries"],
      ["includedData", "images"],
    ]);
    expect(chooseExample([invalid, byAsin], request({ params: { asin: "B07N4M94X4" }, query }))).toBe(byAsin);
  });

  it("compares JSON bodies by value", () => {
    const created: SandboxExample = { status: 202, request: { body: { items: [{ sku: "A", quantity: 1 }], note: "x" } }, response: { created: true } };
    const rejected: SandboxExample = { status: 400, request: { body: { items: [] } }, response: { created: false } };
    expect(chooseExample([rejected, created], request({ body: { note: "x", items: [{ quantity: 1, sku: "A" }] } }))).toBe(created);
    expect(chooseExample([rejected, created], request({ body: { items: [] } }))).toBe(rejected);
  });

  it("falls back to the first success example, else the first one", () => {
    expect(chooseExample([invalid, byAsin], request({ params: { asin: "other" } }))).toBe(byAsin);
    expect(chooseExample([invalid], request({ params: { asin: "other" } }))).toBe(invalid);
    expect(chooseExample([], request())).toBeUndefined();
  });
});

describe("template matching", () => {
  const operation = (method: "GET" | "POST", template: string): Operation => ({ operationId: template, method, path: template, auth: { kind: "partner" }, handle: () => ({ status: 200 }) });

  it("prefers a literal segment to a parameter", () => {
    expect(compareSpecificity("/fba/inventory/v1/items/inventory", "/fba/inventory/v1/items/{sellerSku}")).toBeLessThan(0);
    expect(compareSpecificity("/a/{b}/c", "/a/{b}/{d}")).toBeLessThan(0);
    expect(compareSpecificity("/a/{b}", "/a/{c}")).toBe(0);
  });

  it("resolves a request to the most specific template of its method, with the path parameters", () => {
    const operations = [operation("GET", "/items/{id}"), operation("GET", "/items/search"), operation("POST", "/items/{id}")];
    expect(findMostSpecific(operations, "GET", "/items/search")?.operation.path).toBe("/items/search");
    expect(findMostSpecific(operations, "GET", "/items/B07N4M94X4")).toEqual({ operation: operations[0], params: { id: "B07N4M94X4" } });
    expect(findMostSpecific(operations, "DELETE", "/items/B07N4M94X4")).toBeUndefined();
  });
});

describe("the generated operations", () => {
  it.skipIf(!modelsAvailable)("are what `npm run sandbox:examples` makes of Amazon's models", () => {
    const committed = readFileSync(OPERATIONS_FILE, "utf8");
    expect(committed === serializeOperationsFile(buildOperationsFile(MODELS_DIR)), "sandbox/spapi/generated/operations.json is stale: run npm run sandbox:examples").toBe(true);
  });

  it("resolve by their own template, and their examples' parameters choose an example with the same parameters", () => {
    const operations = generatedOperations();
    expect(operations.length).toBeGreaterThan(300);
    for (const generated of operations) {
      const first = generated.examples[0]?.request.path ?? {};
      const concrete = generated.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(first[name] || `sbx-${name}`));
      const found = findOperation(generated.method, concrete);
      expect(found?.operation.path, `${generated.method} ${generated.path}`).toBe(generated.path);
      expect(found?.operation.method).toBe(generated.method);
      for (const example of generated.examples) {
        const chosen = chooseExample(generated.examples, request({ params: example.request.path ?? {}, query: new URLSearchParams(example.request.query ?? {}), body: example.request.body }));
        expect(chosen?.request, `${generated.operationId} ${example.status}`).toEqual(example.request);
      }
    }
  });

  it("map every API to the roles that grant it, except the Tokens API and the grantless Application API", () => {
    const unmapped = [...new Set(generatedOperations().map((operation) => operation.api))].filter((api) => !(api in API_ROLES));
    expect(unmapped.sort()).toEqual(["application_2023-11-30", "tokens_2021-03-01"]);
  });
});

describe("account roles", () => {
  const seller = { sellingPartnerId: "A2TEST", name: "Test", type: "seller", marketplaces: ["ATVPDKIKX0DER"] };
  const vendor = { sellingPartnerId: "amzn1.vg.TEST", name: "Test", type: "vendor", region: "NA", vendorCodes: ["TEST1"] };

  it("accepts Amazon's role names the account type can grant", () => {
    expect(accountInputSchema.safeParse({ ...seller, roles: ["Pricing", "Product Listing"] }).success).toBe(true);
    expect(accountInputSchema.safeParse({ ...vendor, roles: ["Direct to Consumer Shipping (Restricted)"] }).success).toBe(true);
  });

  it("refuses unknown roles and roles vendors cannot grant", () => {
    expect(accountInputSchema.safeParse({ ...seller, roles: ["Everything"] }).success).toBe(false);
    expect(accountInputSchema.safeParse({ ...vendor, roles: ["Pricing"] }).success).toBe(false);
  });
});
