import { describe, expect, it } from "vitest";
import { checkVersion, resolveRedirectUri, validateAuthorization } from "../../../sandbox/consent/authorization-request";
import { AUTHORIZATION_CODE_TTL_MS, codeProblem, findAuthorizationCode, issueAuthorizationCode } from "../../../sandbox/lwa/authorization-codes";
import { SandboxStore } from "../../../sandbox/state/store";
import type { App, AuthorizationCodeRecord } from "../../../sandbox/state/types";

const app: App = {
  applicationId: "amzn1.sp.solution.test",
  clientId: "client",
  appName: "Test",
  clientSecrets: [],
  redirectUris: ["https://a.example/cb", "https://a.example/alt"],
  published: false,
  notificationQueueEnrolled: true,
  subscriptionId: "sub",
};

function storeAt(clock: { now: number }): SandboxStore {
  return new SandboxStore({
    baseNow: () => clock.now,
    apps: [{ applicationId: app.applicationId, clientId: app.clientId, clientSecret: "secret", redirectUris: app.redirectUris }],
    defaultApplicationId: app.applicationId,
    config: { rateLimits: true, notificationSinkUrl: null, requirePurchaseOrderTimeFrame: true },
    warn: () => undefined,
  });
}

describe("version=beta rule (MD1000)", () => {
  it("requires version=beta for drafts and forbids it for published apps", () => {
    expect(checkVersion(app, undefined)).toMatchObject({ ok: false, error: { code: "MD1000" } });
    expect(checkVersion(app, "alpha")).toMatchObject({ ok: false, error: { code: "MD1000" } });
    expect(checkVersion(app, "beta")).toEqual({ ok: true, beta: true });
    const published = { ...app, published: true };
    expect(checkVersion(published, "beta")).toMatchObject({ ok: false, error: { code: "MD1000" } });
    expect(checkVersion(published, undefined)).toEqual({ ok: true, beta: false });
  });
});

describe("redirect_uri rule (MD5101)", () => {
  it("defaults to the first registered URI and accepts only registered ones", () => {
    expect(resolveRedirectUri(app, undefined)).toBe("https://a.example/cb");
    expect(resolveRedirectUri(app, "")).toBe("https://a.example/cb");
    expect(resolveRedirectUri(app, "https://a.example/alt")).toBe("https://a.example/alt");
    expect(resolveRedirectUri(app, "https://a.example/cb/")).toBeUndefined();
  });

  it("validates in Amazon's order: app, version, redirect, state", () => {
    expect(validateAuthorization(undefined, { state: "s" })).toMatchObject({ ok: false, error: { code: "SBX0001" } });
    expect(validateAuthorization(app, { state: "s", redirectUri: "https://evil" })).toMatchObject({ ok: false, error: { code: "MD1000" } });
    expect(validateAuthorization(app, { state: "s", version: "beta", redirectUri: "https://evil" })).toMatchObject({ ok: false, error: { code: "MD5101" } });
    expect(validateAuthorization(app, { version: "beta" })).toMatchObject({ ok: false, error: { code: "SBX0002" } });
    expect(validateAuthorization(app, { state: "s", version: "beta" })).toMatchObject({ ok: true, value: { redirectUri: "https://a.example/cb", beta: true } });
  });
});

describe("authorization codes", () => {
  const record: AuthorizationCodeRecord = {
    hash: "h",
    applicationId: app.applicationId,
    sellingPartnerId: "A1",
    redirectUri: "https://a.example/cb",
    source: "website",
    createdAt: 0,
    expiresAt: AUTHORIZATION_CODE_TTL_MS,
  };

  it("lives 5 minutes", () => {
    expect(AUTHORIZATION_CODE_TTL_MS).toBe(300_000);
    expect(codeProblem(record, app.applicationId, "https://a.example/cb", 299_999)).toBeUndefined();
    expect(codeProblem(record, app.applicationId, "https://a.example/cb", 300_000)).toBe("expired");
  });

  it("is single-use, bound to its app and redirect URI", () => {
    expect(codeProblem(undefined, app.applicationId, "https://a.example/cb", 0)).toBe("unknown");
    expect(codeProblem({ ...record, usedAt: 1 }, app.applicationId, "https://a.example/cb", 2)).toBe("used");
    expect(codeProblem(record, "other", "https://a.example/cb", 0)).toBe("other_app");
    expect(codeProblem(record, app.applicationId, "https://a.example/alt", 0)).toBe("redirect_uri_mismatch");
  });

  it("expires on the injected clock, and is stored only as a hash", () => {
    const clock = { now: 1_000_000 };
    const store = storeAt(clock);
    const registered = store.findApp(app.applicationId) as App;
    const code = issueAuthorizationCode(store, registered, "A1", "https://a.example/cb", "website");
    expect(code).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(JSON.stringify(store.data)).not.toContain(code);
    const found = findAuthorizationCode(store, code);
    clock.now += AUTHORIZATION_CODE_TTL_MS - 1;
    expect(codeProblem(found, app.applicationId, "https://a.example/cb", store.clock.now())).toBeUndefined();
    store.advanceClock(1);
    expect(codeProblem(found, app.applicationId, "https://a.example/cb", store.clock.now())).toBe("expired");
  });
});
