// The generated document: committed docs/openapi.json is current, and the validator the contract test uses
// rejects answers that stray from it (so the contract test can fail).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument, openApiDocumentJson } from "@/lib/openapi/build-openapi-document";
import { DocumentValidator } from "../../support/openapi-document";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const json = new Headers({ "content-type": "application/json" });

describe("the OpenAPI document", () => {
  it("docs/openapi.json is what `npm run openapi` writes now", () => {
    expect(readFileSync(path.join(ROOT, "docs/openapi.json"), "utf8"), "run `npm run openapi` and commit docs/openapi.json").toBe(openApiDocumentJson());
  });

  it("says which scope each API-key operation needs, and the bearer scheme", () => {
    const document = buildOpenApiDocument() as { paths: Record<string, Record<string, { "x-latchkey-scopes": string[]; security: unknown[] }>>; components: { securitySchemes: Record<string, { scheme: string }> } };
    expect(document.components.securitySchemes.apiKey?.scheme).toBe("bearer");
    expect(document.paths["/api/v1/authorizations/{authorizationId}/access-token"]?.post?.["x-latchkey-scopes"]).toEqual(["access_tokens"]);
    expect(document.paths["/api/v1/spapi/{authorizationId}/{amazonPath}"]?.patch?.["x-latchkey-scopes"]).toEqual(["gateway"]);
    expect(document.paths["/api/v1/ping"]?.get?.security).toEqual([]);
  });

  it("the validator refuses an answer that strays from the document", () => {
    const validator = new DocumentValidator(buildOpenApiDocument());
    const op = validator.find("POST", "/api/v1/authorizations/{}/access-token")!;
    const good = { accessToken: "Atza|x", tokenType: "bearer", expiresAt: "2026-12-02T16:00:00.000Z", authorizationId: "a1", region: "NA", sellingPartnerId: "A1" };
    expect(validator.responseProblems(op, 200, json, JSON.stringify(good))).toEqual([]);
    expect(validator.responseProblems(op, 200, json, JSON.stringify({ ...good, expiresAt: undefined }))).not.toEqual([]);
    expect(validator.responseProblems(op, 200, json, JSON.stringify({ ...good, refreshToken: "Atzr|leak" }))).not.toEqual([]);
    expect(validator.responseProblems(op, 409, json, JSON.stringify({ error: { code: "authorization_revoked", message: "m", requestId: "r" } }))).toEqual([]);
    expect(validator.responseProblems(op, 409, json, JSON.stringify({ error: { code: "not_found", message: "m", requestId: "r" } }))).not.toEqual([]);
    expect(validator.responseProblems(op, 418, json, "{}")).toEqual(["status 418 (418) is not documented for POST /api/v1/authorizations/{authorizationId}/access-token"]);
  });
});
