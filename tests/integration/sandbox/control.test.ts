import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../../../sandbox/server";
import { authorizeThroughConsent, control, DEFAULT_APP, defaultClient, formFields, lwa, partnerAccessToken, SELLER_NA, spapi, startSandbox } from "./support/sandbox-client";

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => control(sandbox, "POST", "/reset"));

describe("state and reset", () => {
  it("summarizes the state without any token value", async () => {
    const { refreshToken, accessToken } = await partnerAccessToken(sandbox, SELLER_NA);
    const state = await control<{ authorizations: unknown[]; apps: { clientSecrets: { value: string }[] }[]; accounts: unknown[] }>(sandbox, "GET", "/state");
    const text = JSON.stringify(state.body);
    expect(state.status).toBe(200);
    expect(state.body.authorizations).toEqual([expect.objectContaining({ applicationId: DEFAULT_APP.applicationId, sellingPartnerId: SELLER_NA, source: "self", revoked: false })]);
    expect(state.body.accounts.length).toBeGreaterThanOrEqual(9);
    expect(text).not.toContain(refreshToken);
    expect(text).not.toContain(accessToken);
    expect(text).not.toContain(DEFAULT_APP.clientSecret);
  });

  it("reset forgets tokens, faults and stats", async () => {
    const { refreshToken } = await partnerAccessToken(sandbox, SELLER_NA);
    await control(sandbox, "POST", "/faults", { route: "spapi", kind: "5xx" });
    await control(sandbox, "POST", "/reset");
    expect((await lwa(sandbox, { grant_type: "refresh_token", refresh_token: refreshToken, ...defaultClient })).body).toMatchObject({ error: "invalid_grant" });
    expect((await control<{ faults: unknown[] }>(sandbox, "GET", "/faults")).body.faults).toEqual([]);
    const stats = await control<{ lwa: { total: number }; spapi: { total: number } }>(sandbox, "GET", "/stats");
    expect(stats.body.lwa.total).toBe(1);
    expect(stats.body.spapi.total).toBe(0);
  });

  it("advances one clock for everything", async () => {
    const before = await control<{ nowMs: number }>(sandbox, "GET", "/clock");
    const after = await control<{ nowMs: number; offsetMs: number }>(sandbox, "POST", "/clock", { advanceMs: 3_600_000 });
    expect(after.body.offsetMs).toBe(3_600_000);
    expect(after.body.nowMs - before.body.nowMs).toBeGreaterThanOrEqual(3_600_000);
    expect((await control(sandbox, "POST", "/clock", { advanceMs: -5 })).status).toBe(400);
  });

  it("answers unknown control routes with 404 and wrong methods with 405", async () => {
    expect((await control(sandbox, "GET", "/nope")).status).toBe(404);
    expect((await control(sandbox, "PUT" as "POST", "/reset")).status).toBe(405);
  });
});

describe("apps and accounts", () => {
  it("registers an app and returns its secret", async () => {
    const created = await control<{ app: { clientId: string; clientSecrets: { value: string }[] }; created: boolean }>(sandbox, "POST", "/apps", {
      applicationId: "amzn1.sp.solution.registered",
      appName: "Registered",
      redirectUris: ["https://registered.example/cb"],
      published: true,
    });
    expect(created.status).toBe(201);
    const secret = created.body.app.clientSecrets[0]?.value ?? "";
    expect(secret).toMatch(/^amzn1\.oa2-cs\.v1\./);
    const token = await lwa(sandbox, { grant_type: "client_credentials", scope: "sellingpartnerapi::notifications", client_id: created.body.app.clientId, client_secret: secret });
    expect(token.status).toBe(200);
    const updated = await control<{ created: boolean }>(sandbox, "POST", "/apps", { applicationId: "amzn1.sp.solution.registered", published: false });
    expect(updated.status).toBe(200);
    expect(updated.body.created).toBe(false);
  });

  it("refuses an app without redirect URIs", async () => {
    expect((await control(sandbox, "POST", "/apps", { applicationId: "amzn1.sp.solution.bad" })).status).toBe(400);
  });

  it("adds an account that then appears on the consent page and works on SP-API", async () => {
    const added = await control(sandbox, "POST", "/accounts", { sellingPartnerId: "A2SBXADDED01", name: "Added Seller", type: "seller", marketplaces: ["A1PA6795UKMFR9"] });
    expect(added.status).toBe(201);
    const html = await (await fetch(`${sandbox.url}/sellercentral/de/apps/authorize/consent?application_id=${DEFAULT_APP.applicationId}&state=s&version=beta`)).text();
    expect(formFields(html).radios).toContain("A2SBXADDED01");
    const location = await authorizeThroughConsent(sandbox, { site: "de", sellingPartnerId: "A2SBXADDED01" });
    expect(location.searchParams.get("selling_partner_id")).toBe("A2SBXADDED01");
    const { accessToken } = await partnerAccessToken(sandbox, "A2SBXADDED01");
    expect((await spapi(sandbox, "eu", "GET", "/sellers/v1/marketplaceParticipations", accessToken)).status).toBe(200);
  });

  it("validates accounts", async () => {
    expect((await control(sandbox, "POST", "/accounts", { sellingPartnerId: "X", name: "X", type: "seller", marketplaces: ["ATVPDKIKX0DER", "A1PA6795UKMFR9"] })).status).toBe(400);
    expect((await control(sandbox, "POST", "/accounts", { sellingPartnerId: "X", name: "X", type: "vendor", region: "NA" })).status).toBe(400);
  });
});

describe("pages and logs", () => {
  it("serves an index page listing the seeded accounts", async () => {
    const response = await fetch(`${sandbox.url}/`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain("Sandbox Seller NA 1");
    expect(html).toContain(`/appstore/us/authorize?application_id=${DEFAULT_APP.applicationId}&amp;selling_partner_id=${SELLER_NA}`);
    expect(html).toContain("/sellercentral/us/apps/develop");
  });

  it("keeps a request log without query strings", async () => {
    await fetch(`${sandbox.url}/sellercentral/us/apps/authorize/consent?application_id=x&state=secret-state`);
    const log = await control<{ requests: { path: string; status: number }[] }>(sandbox, "GET", "/requests");
    expect(log.body.requests.at(-1)).toMatchObject({ path: "/sellercentral/us/apps/authorize/consent", status: 400 });
    expect(JSON.stringify(log.body)).not.toContain("secret-state");
  });
});

/** Runs `run` with a state file path in a fresh temporary folder, removed afterwards. */
async function withStateFile(run: (stateFile: string, dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "sandbox-state-"));
  try {
    await run(path.join(dir, "state.json"), dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts a sandbox on `stateFile`, runs `run` against it and closes it (saving the state). */
async function withSandbox<T>(stateFile: string, run: (own: Sandbox) => Promise<T>): Promise<T> {
  const own = await startSandbox({ stateFile });
  try {
    return await run(own);
  } finally {
    await own.close();
  }
}

describe("persistence", () => {
  it("keeps apps, authorizations and the clock across restarts, storing tokens only as hashes", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sandbox-state-"));
    const stateFile = path.join(dir, "nested", "state.json");
    try {
      const first = await startSandbox({ stateFile });
      const { refreshToken } = await partnerAccessToken(first, SELLER_NA);
      await control(first, "POST", "/clock", { advanceMs: 60_000 });
      await first.close();
      const saved = readFileSync(stateFile, "utf8");
      expect(saved).not.toContain(refreshToken);

      const second = await startSandbox({ stateFile });
      try {
        expect((await lwa(second, { grant_type: "refresh_token", refresh_token: refreshToken, ...defaultClient })).status).toBe(200);
        expect((await control<{ offsetMs: number }>(second, "GET", "/clock")).body.offsetMs).toBe(60_000);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("stores the app's client secrets only as hashes, and still accepts them after a restart", async () => {
    await withStateFile(async (stateFile) => {
      const rotated = await withSandbox(stateFile, (first) => control<{ newClientSecret: string }>(first, "POST", "/client-secret/rotate", {}));
      const saved = readFileSync(stateFile, "utf8");
      expect(saved).not.toContain(DEFAULT_APP.clientSecret);
      expect(saved).not.toContain(rotated.body.newClientSecret);

      await withSandbox(stateFile, async (second) => {
        const grantless = { grant_type: "client_credentials", scope: "sellingpartnerapi::notifications", client_id: DEFAULT_APP.clientId };
        expect((await lwa(second, { ...grantless, client_secret: rotated.body.newClientSecret })).status).toBe(200);
        expect((await lwa(second, { ...grantless, client_secret: DEFAULT_APP.clientSecret })).status).toBe(200);
        expect((await lwa(second, { ...grantless, client_secret: "amzn1.oa2-cs.v1.not-the-secret" })).status).toBe(401);
      });
    });
  });

  it("reads a state file written before secrets were hashed", async () => {
    await withStateFile(async (stateFile, dir) => {
      const { refreshToken } = await withSandbox(stateFile, (first) => partnerAccessToken(first, SELLER_NA));
      const saved = JSON.parse(readFileSync(stateFile, "utf8")) as { apps: { clientSecrets: Record<string, unknown>[] }[] };
      for (const app of saved.apps) {
        app.clientSecrets = app.clientSecrets.map((secret) => ({ value: DEFAULT_APP.clientSecret, createdAt: secret.createdAt, expiresAt: secret.expiresAt }));
      }
      writeFileSync(stateFile, JSON.stringify(saved));

      await withSandbox(stateFile, async (second) => {
        expect((await lwa(second, { grant_type: "refresh_token", refresh_token: refreshToken, ...defaultClient })).status).toBe(200);
        expect(readdirSync(dir).some((name) => name.startsWith("state.json.invalid-"))).toBe(false);
      });
    });
  });

  it("sets an unreadable state file aside and starts from the seed", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sandbox-state-"));
    const stateFile = path.join(dir, "state.json");
    writeFileSync(stateFile, "{ not json");
    try {
      const own = await startSandbox({ stateFile });
      try {
        expect((await control<{ accounts: unknown[] }>(own, "GET", "/accounts")).body.accounts).toHaveLength(9);
        expect(readdirSync(dir).some((name) => name.startsWith("state.json.invalid-"))).toBe(true);
      } finally {
        await own.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
