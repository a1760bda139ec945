// API keys carry explicit scopes chosen at creation; client-secret rotation is not grantable to any key
// (before, any key not limited to tenants could mint a rotation token and rotate the secret).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import { POST as accessTokenRoute } from "@/app/api/v1/authorizations/[id]/access-token/route";
import { POST as rdtRoute } from "@/app/api/v1/authorizations/[id]/restricted-data-token/route";
import { POST as grantlessRoute } from "@/app/api/v1/grantless-tokens/route";
import { POST as outcomesRoute } from "@/app/api/v1/outcomes/route";
import { createApiKey, createApiKeyForm, listApiKeys } from "@/lib/api-keys/manage-api-keys";
import { API_KEY_SCOPES } from "@/lib/api-keys/scopes";
import { db } from "@/lib/db/client";
import { useAppWithSandbox } from "../../support/app-harness";
import { connectSeller } from "../../support/connect-seller";

let admin: string;

function post(route: typeof accessTokenRoute, key: string, body: unknown, id = "") {
  const request = new NextRequest("http://localhost/api/v1/x", { method: "POST", headers: { authorization: `Bearer ${key}` }, body: JSON.stringify(body) });
  return route(request, { params: Promise.resolve({ id }) });
}

async function answer(response: Response): Promise<[number, string | undefined]> {
  const body = (await response.json()) as { error?: { code: string } };
  return [response.status, body.error?.code];
}

const ROTATION = { scope: "sellingpartnerapi::client_credential:rotation" };
const NOTIFICATIONS = { scope: "sellingpartnerapi::notifications" };

describe("API key scopes", () => {
  const app = useAppWithSandbox({ rateLimits: false });
  beforeEach(async () => {
    admin = (await db.user.create({ data: { email: "admin@example.test", role: "ADMIN" } })).id;
  });

  it("lets a worker key do only what its scopes say, and refuses the rest with 403 insufficient_scope", async () => {
    const seller = await connectSeller(app.sandbox);
    const { apiKey } = await createApiKey({ name: "order-sync", scopes: ["access_tokens"] }, admin);
    expect((await post(accessTokenRoute, apiKey, {}, seller.authorizationId)).status).toBe(200);
    expect(await answer(await post(grantlessRoute, apiKey, NOTIFICATIONS))).toEqual([403, "insufficient_scope"]);
    expect(await answer(await post(rdtRoute, apiKey, { restrictedResources: [{ method: "GET", path: "/orders/v0/orders/902-3159896-1390916" }] }, seller.authorizationId))).toEqual([403, "insufficient_scope"]);
    const outcomes = { outcomes: [{ authorizationId: seller.authorizationId, operation: "getOrders", status: 200, latencyMs: 5 }] };
    expect(await answer(await post(outcomesRoute, apiKey, outcomes))).toEqual([403, "insufficient_scope"]);
    expect(await db.spApiCallBucket.count({ where: { operation: "getOrders" } })).toBe(0);
  });

  it("refuses a rotation token to every key, even one holding every scope and every tenant", async () => {
    const { apiKey } = await createApiKey({ name: "platform" }, admin);
    const stats = async () => ((await (await fetch(`${app.sandbox.url}/_sandbox/stats`)).json()) as { lwa: { byGrantType: Record<string, number> } }).lwa.byGrantType.client_credentials ?? 0;
    const before = await stats();
    const refused = await post(grantlessRoute, apiKey, ROTATION);
    expect(await answer(refused)).toEqual([403, "insufficient_scope"]);
    expect(await stats()).toBe(before);
    expect((await post(grantlessRoute, apiKey, NOTIFICATIONS)).status).toBe(200);
  });

  it("chooses scopes at creation: none, unknown ones and rotation are refused; the list shows them", async () => {
    await expect(createApiKey({ name: "nothing", scopes: [] }, admin)).rejects.toThrow(/at least one scope/);
    await expect(createApiKey({ name: "rotator", scopes: ["client_credential:rotation"] }, admin)).rejects.toThrow();
    // The admin form with no box ticked asks for nothing, not for everything.
    await expect(createApiKey(createApiKeyForm.parse({ name: "unticked" }), admin)).rejects.toThrow(/at least one scope/);
    await createApiKey(createApiKeyForm.parse({ name: "ticked", scopes: ["outcomes", "access_tokens"] }), admin);
    await createApiKey({ name: "default" }, admin);
    const keys = await listApiKeys();
    expect(Object.fromEntries(keys.map((key) => [key.name, key.scopes]))).toEqual({ ticked: ["access_tokens", "outcomes"], default: [...API_KEY_SCOPES] });
  });

  it("gives keys made before scopes existed what they could do then (every token scope, not the later gateway or management), through the migration", async () => {
    const { id } = await createApiKey({ name: "old-key" }, admin);
    await db.$executeRawUnsafe(`UPDATE "ApiKey" SET "scopes" = NULL WHERE "id" = '${id}'`);
    const folder = readdirSync(path.join(process.cwd(), "prisma/migrations")).find((name) => name.endsWith("_api_key_scopes"))!;
    const sql = readFileSync(path.join(process.cwd(), "prisma/migrations", folder, "migration.sql"), "utf8");
    await db.$executeRawUnsafe(sql.slice(sql.indexOf("UPDATE")));
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).scopes).toEqual(API_KEY_SCOPES.filter((scope) => scope !== "gateway" && scope !== "management"));
  });
});
