import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../../../sandbox/server";
import { lwaError, lwaToken, lwaTokenWithRefresh, REVOKED_DESCRIPTION } from "./support/lwa-shapes";
import { control, DEFAULT_APP, defaultClient, lwa, REDIRECT_URI, SELLER_NA, startSandbox } from "./support/sandbox-client";

const DAY = 24 * 60 * 60 * 1000;
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({
    apps: [{ applicationId: "amzn1.sp.solution.other", clientId: "amzn1.application-oa2-client.other", clientSecret: "other-secret", redirectUris: ["https://other.example/cb"] }],
  });
});
afterAll(() => sandbox.close());
beforeEach(() => control(sandbox, "POST", "/reset"));

async function newCode(sellingPartnerId = SELLER_NA, applicationId: string = DEFAULT_APP.applicationId): Promise<string> {
  const issued = await control<{ code: string }>(sandbox, "POST", "/authorization-codes", { sellingPartnerId, applicationId });
  return issued.body.code;
}

function exchange(code: string, overrides: Record<string, string> = {}) {
  return lwa(sandbox, { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, ...defaultClient, ...overrides });
}

describe("authorization_code grant", () => {
  it("trades a fresh code for an access token and a refresh token", async () => {
    const response = await exchange(await newCode());
    expect(response.status).toBe(200);
    expect(lwaTokenWithRefresh.parse(response.body)).toBeTruthy();
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses a code used twice with invalid_grant", async () => {
    const code = await newCode();
    expect((await exchange(code)).status).toBe(200);
    const second = await exchange(code);
    expect(second.status).toBe(400);
    expect(lwaError.parse(second.body).error).toBe("invalid_grant");
  });

  it("refuses a code older than 5 minutes with invalid_grant", async () => {
    const code = await newCode();
    await control(sandbox, "POST", "/clock", { advanceMs: 5 * 60 * 1000 });
    const response = await exchange(code);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: "invalid_grant" });
  });

  it("accepts a code just inside its 5 minutes", async () => {
    const code = await newCode();
    await control(sandbox, "POST", "/clock", { advanceMs: 5 * 60 * 1000 - 1000 });
    expect((await exchange(code)).status).toBe(200);
  });

  it("refuses a redirect_uri other than the one the code was issued for", async () => {
    const response = await exchange(await newCode(), { redirect_uri: "http://localhost:3000/elsewhere" });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: "invalid_grant" });
  });

  it("refuses another app's code", async () => {
    const code = await newCode(SELLER_NA, "amzn1.sp.solution.other");
    const response = await exchange(code);
    expect(response.body).toMatchObject({ error: "invalid_grant" });
  });

  it("asks for a missing code with invalid_request", async () => {
    const response = await lwa(sandbox, { grant_type: "authorization_code", redirect_uri: REDIRECT_URI, ...defaultClient });
    expect(response.status).toBe(400);
    expect(lwaError.parse(response.body).error).toBe("invalid_request");
  });
});

describe("refresh_token grant", () => {
  async function refreshToken(): Promise<string> {
    const response = await exchange(await newCode());
    return (response.body as { refresh_token: string }).refresh_token;
  }

  it("returns a new access token and no refresh token (no rotation)", async () => {
    const token = await refreshToken();
    const first = await lwa(sandbox, { grant_type: "refresh_token", refresh_token: token, ...defaultClient });
    const second = await lwa(sandbox, { grant_type: "refresh_token", refresh_token: token, ...defaultClient });
    expect(first.status).toBe(200);
    expect(lwaToken.parse(first.body)).toBeTruthy();
    expect(second.status).toBe(200);
    expect(first.body.access_token).not.toBe(second.body.access_token);
  });

  it("answers a revoked refresh token with Amazon's exact invalid_grant body", async () => {
    const token = await refreshToken();
    await control(sandbox, "POST", "/revoke", { sellingPartnerId: SELLER_NA });
    const response = await lwa(sandbox, { grant_type: "refresh_token", refresh_token: token, ...defaultClient });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: "invalid_grant", error_description: REVOKED_DESCRIPTION });
  });

  it("answers an unknown refresh token with invalid_grant", async () => {
    const response = await lwa(sandbox, { grant_type: "refresh_token", refresh_token: "Atzr|never-issued", ...defaultClient });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: "invalid_grant", error_description: REVOKED_DESCRIPTION });
  });

  it("answers another app's refresh token with invalid_grant", async () => {
    const token = await refreshToken();
    const response = await lwa(sandbox, { grant_type: "refresh_token", refresh_token: token, client_id: "amzn1.application-oa2-client.other", client_secret: "other-secret" });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: "invalid_grant" });
  });
});

describe("client_credentials grant", () => {
  it.each(["sellingpartnerapi::notifications", "sellingpartnerapi::client_credential:rotation"])("issues a grantless token for %s", async (scope) => {
    const response = await lwa(sandbox, { grant_type: "client_credentials", scope, ...defaultClient });
    expect(response.status).toBe(200);
    expect(lwaToken.parse(response.body)).toBeTruthy();
  });

  it("refuses other scopes with invalid_scope", async () => {
    const response = await lwa(sandbox, { grant_type: "client_credentials", scope: "sellingpartnerapi::migration", ...defaultClient });
    expect(response.status).toBe(400);
    expect(lwaError.parse(response.body).error).toBe("invalid_scope");
  });
});

describe("client authentication and request errors", () => {
  it("answers a wrong secret with 401 invalid_client", async () => {
    const response = await lwa(sandbox, { grant_type: "client_credentials", scope: "sellingpartnerapi::notifications", client_id: DEFAULT_APP.clientId, client_secret: "wrong" });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: "invalid_client", error_description: "Client authentication failed" });
  });

  it("answers an unknown client_id with 401 invalid_client", async () => {
    const response = await lwa(sandbox, { grant_type: "client_credentials", scope: "sellingpartnerapi::notifications", client_id: "nobody", client_secret: "x" });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ error: "invalid_client" });
  });

  it("answers an expired secret with invalid_client (180 days after the state was created)", async () => {
    await control(sandbox, "POST", "/clock", { advanceMs: 180 * DAY });
    const response = await lwa(sandbox, { grant_type: "client_credentials", scope: "sellingpartnerapi::notifications", ...defaultClient });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ error: "invalid_client" });
  });

  it("checks the client before the grant: a wrong secret with a revoked token is invalid_client", async () => {
    const response = await lwa(sandbox, { grant_type: "refresh_token", refresh_token: "Atzr|x", client_id: DEFAULT_APP.clientId, client_secret: "wrong" });
    expect(response.status).toBe(401);
  });

  it("keeps the previous secret valid for 7 days after a rotation, then refuses it", async () => {
    const rotated = await control<{ newClientSecret: string }>(sandbox, "POST", "/client-secret/rotate", {});
    const form = { grant_type: "client_credentials", scope: "sellingpartnerapi::notifications", client_id: DEFAULT_APP.clientId };
    expect((await lwa(sandbox, { ...form, client_secret: DEFAULT_APP.clientSecret })).status).toBe(200);
    expect((await lwa(sandbox, { ...form, client_secret: rotated.body.newClientSecret })).status).toBe(200);
    await control(sandbox, "POST", "/clock", { advanceMs: 7 * DAY - 1000 });
    expect((await lwa(sandbox, { ...form, client_secret: DEFAULT_APP.clientSecret })).status).toBe(200);
    await control(sandbox, "POST", "/clock", { advanceMs: 2000 });
    expect((await lwa(sandbox, { ...form, client_secret: DEFAULT_APP.clientSecret })).status).toBe(401);
    expect((await lwa(sandbox, { ...form, client_secret: rotated.body.newClientSecret })).status).toBe(200);
  });

  it("answers an unknown grant_type with unsupported_grant_type", async () => {
    const response = await lwa(sandbox, { grant_type: "password", ...defaultClient });
    expect(response.status).toBe(400);
    expect(lwaError.parse(response.body).error).toBe("unsupported_grant_type");
  });

  it("answers a missing grant_type or client_secret with invalid_request", async () => {
    expect((await lwa(sandbox, { ...defaultClient })).body).toMatchObject({ error: "invalid_request" });
    expect((await lwa(sandbox, { grant_type: "refresh_token", refresh_token: "x", client_id: DEFAULT_APP.clientId })).body).toMatchObject({ error: "invalid_request" });
  });

  it("accepts only application/x-www-form-urlencoded", async () => {
    const response = await fetch(`${sandbox.url}/auth/o2/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ grant_type: "client_credentials", scope: "sellingpartnerapi::notifications", ...defaultClient }),
    });
    expect(response.status).toBe(400);
    expect(lwaError.parse(await response.json()).error).toBe("invalid_request");
  });
});

describe("access token lifetime and stats", () => {
  it("expires access tokens after 3600 s on the sandbox clock", async () => {
    const { body } = await exchange(await newCode());
    const token = body.access_token as string;
    const call = () => fetch(`${sandbox.url}/spapi/na/sellers/v1/account`, { headers: { "x-amz-access-token": token } });
    expect((await call()).status).toBe(200);
    await control(sandbox, "POST", "/clock", { advanceMs: 3600 * 1000 });
    expect((await call()).status).toBe(403);
  });

  it("counts calls per grant type and per client", async () => {
    await lwa(sandbox, { grant_type: "client_credentials", scope: "sellingpartnerapi::notifications", ...defaultClient });
    await lwa(sandbox, { grant_type: "client_credentials", scope: "sellingpartnerapi::notifications", ...defaultClient, client_secret: "wrong" });
    await lwa(sandbox, { grant_type: "refresh_token", refresh_token: "Atzr|x", ...defaultClient });
    const stats = await control<{ lwa: { total: number; byGrantType: Record<string, number>; byStatus: Record<string, number>; byClient: Record<string, { total: number; byGrantType: Record<string, number> }> } }>(
      sandbox,
      "GET",
      "/stats",
    );
    expect(stats.body.lwa.total).toBe(3);
    expect(stats.body.lwa.byGrantType).toEqual({ client_credentials: 2, refresh_token: 1 });
    expect(stats.body.lwa.byStatus).toEqual({ "200": 1, "401": 1, "400": 1 });
    expect(stats.body.lwa.byClient[DEFAULT_APP.clientId]).toEqual({ total: 3, byGrantType: { client_credentials: 2, refresh_token: 1 } });
  });
});
