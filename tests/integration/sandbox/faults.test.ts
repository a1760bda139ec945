import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../../../sandbox/server";
import { lwaError, REVOKED_DESCRIPTION } from "./support/lwa-shapes";
import { control, DEFAULT_APP, defaultClient, errorCodeOf, lwa, partnerAccessToken, SELLER_NA, spapi, startSandbox } from "./support/sandbox-client";

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => control(sandbox, "POST", "/reset"));

const grantless = () => lwa(sandbox, { grant_type: "client_credentials", scope: "sellingpartnerapi::notifications", ...defaultClient });

function addFault(fault: Record<string, unknown>) {
  return control<{ id: string }>(sandbox, "POST", "/faults", fault);
}

describe("LWA faults", () => {
  it("5xx answers server_error JSON with the chosen status", async () => {
    await addFault({ route: "lwa", kind: "5xx", status: 503 });
    const response = await grantless();
    expect(response.status).toBe(503);
    expect(lwaError.parse(response.body).error).toBe("server_error");
  });

  it("429 on one grant type leaves the others alone", async () => {
    const { refreshToken } = await partnerAccessToken(sandbox, SELLER_NA);
    await addFault({ route: "lwa:refresh_token", kind: "429" });
    const refreshed = await lwa(sandbox, { grant_type: "refresh_token", refresh_token: refreshToken, ...defaultClient });
    expect(refreshed.status).toBe(429);
    expect(lwaError.safeParse(refreshed.body).success).toBe(true);
    expect((await grantless()).status).toBe(200);
  });

  it("invalid_grant answers exactly like a revoked refresh token", async () => {
    const { refreshToken } = await partnerAccessToken(sandbox, SELLER_NA);
    await addFault({ route: "lwa:refresh_token", kind: "invalid_grant", count: 1 });
    const refreshed = await lwa(sandbox, { grant_type: "refresh_token", refresh_token: refreshToken, ...defaultClient });
    expect(refreshed.status).toBe(400);
    expect(refreshed.body).toEqual({ error: "invalid_grant", error_description: REVOKED_DESCRIPTION });
    expect((await lwa(sandbox, { grant_type: "refresh_token", refresh_token: refreshToken, ...defaultClient })).status).toBe(200);
  });

  it("count limits how many requests fail, then the fault disappears", async () => {
    await addFault({ route: "lwa", kind: "5xx", count: 2 });
    expect((await grantless()).status).toBe(500);
    expect((await grantless()).status).toBe(500);
    expect((await grantless()).status).toBe(200);
    expect((await control<{ faults: unknown[] }>(sandbox, "GET", "/faults")).body.faults).toEqual([]);
  });

  it("probability 0 never fires", async () => {
    await addFault({ route: "lwa", kind: "5xx", probability: 0 });
    expect((await grantless()).status).toBe(200);
  });

  it("latency delays the answer", async () => {
    await addFault({ route: "lwa", kind: "latency", delayMs: 300 });
    const started = Date.now();
    expect((await grantless()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it("timeout never answers until the client gives up; clearing the fault restores service", async () => {
    await addFault({ route: "lwa", kind: "timeout" });
    await expect(grantlessWithSignal(AbortSignal.timeout(300))).rejects.toThrow();
    await control(sandbox, "DELETE", "/faults");
    expect((await grantless()).status).toBe(200);
  });
});

function grantlessWithSignal(signal: AbortSignal) {
  return lwa(sandbox, { grant_type: "client_credentials", scope: "sellingpartnerapi::notifications", ...defaultClient }, { signal });
}

describe("SP-API faults", () => {
  it("5xx answers InternalFailure with Amazon's headers", async () => {
    const { accessToken } = await partnerAccessToken(sandbox, SELLER_NA);
    await addFault({ route: "spapi", kind: "5xx" });
    const response = await spapi<{ errors: { code: string }[] }>(sandbox, "na", "GET", "/sellers/v1/account", accessToken);
    expect(response.status).toBe(500);
    expect(response.body.errors[0]?.code).toBe("InternalFailure");
    expect(response.headers.get("x-amzn-requestid")).toBeTruthy();
    expect(response.headers.get("x-amzn-ratelimit-limit")).toBe("0.016");
  });

  it("targets one operation by operationId", async () => {
    const { accessToken } = await partnerAccessToken(sandbox, SELLER_NA);
    await addFault({ route: "spapi:getMarketplaceParticipations", kind: "429" });
    expect((await spapi(sandbox, "na", "GET", "/sellers/v1/marketplaceParticipations", accessToken)).body).toMatchObject({ errors: [{ code: "QuotaExceeded" }] });
    expect((await spapi(sandbox, "na", "GET", "/sellers/v1/account", accessToken)).status).toBe(200);
  });

  it("invalid_grant shows as 403 Unauthorized, like a revocation", async () => {
    const { accessToken } = await partnerAccessToken(sandbox, SELLER_NA);
    await addFault({ route: "spapi", kind: "invalid_grant", count: 1 });
    expect((await spapi(sandbox, "na", "GET", "/sellers/v1/account", accessToken)).body).toMatchObject({ errors: [{ code: "Unauthorized" }] });
  });

  it("counts faulted calls in the stats", async () => {
    const { accessToken } = await partnerAccessToken(sandbox, SELLER_NA);
    await addFault({ route: "spapi", kind: "5xx", status: 503, count: 1 });
    await spapi(sandbox, "na", "GET", "/sellers/v1/account", accessToken);
    await spapi(sandbox, "na", "GET", "/sellers/v1/account", accessToken);
    const stats = await control<{ spapi: { byOperation: Record<string, { byStatus: Record<string, number> }> } }>(sandbox, "GET", "/stats");
    expect(stats.body.spapi.byOperation.getAccount?.byStatus).toEqual({ "503": 1, "200": 1 });
  });
});

describe("consent faults and fault management", () => {
  it("5xx on consent shows an error page", async () => {
    await addFault({ route: "consent", kind: "5xx" });
    const response = await fetch(`${sandbox.url}/sellercentral/us/apps/authorize/consent?application_id=${DEFAULT_APP.applicationId}&state=s&version=beta`);
    expect(response.status).toBe(500);
    expect(errorCodeOf(await response.text())).toBe("HTTP 500");
  });

  it("deletes one fault by id", async () => {
    const first = await addFault({ route: "lwa", kind: "5xx" });
    await addFault({ route: "spapi", kind: "5xx" });
    expect((await control(sandbox, "DELETE", `/faults/${first.body.id}`)).status).toBe(200);
    const listed = await control<{ faults: { route: string }[] }>(sandbox, "GET", "/faults");
    expect(listed.body.faults.map((fault) => fault.route)).toEqual(["spapi"]);
    expect((await grantless()).status).toBe(200);
    expect((await control(sandbox, "DELETE", `/faults/${first.body.id}`)).status).toBe(404);
  });

  it("rejects invalid faults", async () => {
    expect((await addFault({ route: "nowhere", kind: "5xx" })).status).toBe(400);
    expect((await addFault({ route: "consent", kind: "invalid_grant" })).status).toBe(400);
    expect((await addFault({ route: "lwa", kind: "5xx", status: 404 })).status).toBe(400);
  });
});

describe("close()", () => {
  it("terminates promptly while a timeout fault holds a request", async () => {
    const own = await startSandbox();
    await control(own, "POST", "/faults", { route: "lwa", kind: "timeout" });
    const pending = fetch(`${own.url}/auth/o2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", scope: "sellingpartnerapi::notifications", ...defaultClient }).toString(),
    }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
  });

  it("terminates promptly during a long latency fault", async () => {
    const own = await startSandbox();
    await control(own, "POST", "/faults", { route: "spapi", kind: "latency", delayMs: 60_000 });
    const pending = fetch(`${own.url}/spapi/na/sellers/v1/account`).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await pending;
  });
});
