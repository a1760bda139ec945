// A bounded fuzz of every route handler (called directly, as Next would): broken JSON, huge bodies, wrong
// types, control characters, long ids, bad encodings and garbage Authorization headers. Nothing may answer
// 5xx, and every error answer is the one envelope. Deterministic (seeded), a few hundred requests.
// Not fuzzed here: /api/auth/* (Auth.js's own handler) and /api/health (it reads no input).
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { caller } from "../../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../../support/fake-session"));

const accessToken = await import("@/app/api/v1/authorizations/[id]/access-token/route");
const rdt = await import("@/app/api/v1/authorizations/[id]/restricted-data-token/route");
const grantless = await import("@/app/api/v1/grantless-tokens/route");
const outcomes = await import("@/app/api/v1/outcomes/route");
const ping = await import("@/app/api/v1/ping/route");
const openapi = await import("@/app/api/v1/openapi.json/route");
const ingest = await import("@/app/api/notifications/amazon/route");
const resendWebhook = await import("@/app/api/webhooks/resend/route");
const healthAuthz = await import("@/app/api/health/authz/route");
const metrics = await import("@/app/api/metrics/route");
const inngestRoute = await import("@/app/api/inngest/route");
const oauthCallback = await import("@/app/api/oauth/callback/route");
const tenants = await import("@/app/api/v1/tenants/route");
const tenant = await import("@/app/api/v1/tenants/[id]/route");
const tenantByExternalId = await import("@/app/api/v1/tenants/by-external-id/[externalId]/route");
const authorizations = await import("@/app/api/v1/authorizations/route");
const authorization = await import("@/app/api/v1/authorizations/[id]/route");
const connectLinks = await import("@/app/api/v1/connect-links/route");
const openConnectLink = await import("@/app/(partner)/connect/link/[token]/route");
const alertsData = await import("@/app/admin/alerts/data/route");
const monitoringData = await import("@/app/admin/monitoring/data/route");
const auditExport = await import("@/app/admin/audit/export/route");
const appClientStatus = await import("@/app/admin/app-client/status/route");
const { createApiKey } = await import("@/lib/api-keys/manage-api-keys");
const { db } = await import("@/lib/db/client");
const { resetServerEnvForTests } = await import("@/lib/env");
const { createLogger, setLogger } = await import("@/lib/log/logger");
const { useAppWithSandbox } = await import("../../support/app-harness");

const PROBE_TOKEN = "fuzz-probe-token-0123456789abcdef";
const METRICS_TOKEN = "fuzz-metrics-token-0123456789abcdef";
process.env.NOTIFICATION_INGEST_SECRET = "fuzz-ingest-secret-0123456789abcdefghij";
process.env.RESEND_WEBHOOK_SECRET = "whsec_ZnV6ei1yZXNlbmQtd2ViaG9vay1zZWNyZXQtMDEyMzQ1";
process.env.HEALTH_PROBE_TOKEN = PROBE_TOKEN;
process.env.METRICS_TOKEN = METRICS_TOKEN;

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;

/** mulberry32: the same sequence on every run, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rnd = random(0x1a7c4);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;

const NASTY_STRINGS = ["", "a\u0000b", "\u0000", "a\u001fb\u007f", "\uD800", "x\uDFFFy", "%E0%A4%A", "%00", "%ZZ", "../../etc/passwd", "'; DROP TABLE \"Tenant\";--", "x".repeat(70), "y".repeat(5000), "🙂", "auth-1", "null", "<script>", "\\u0000"];

function nastyValue(depth = 0): unknown {
  const kind = Math.floor(rnd() * (depth > 2 ? 5 : 8));
  if (kind === 0) return pick(NASTY_STRINGS);
  if (kind === 1) return Math.floor(rnd() * 2 ** 40) * (rnd() < 0.5 ? -1 : 1);
  if (kind === 2) return pick([true, false, null, 1.5e308, -0, 0]);
  if (kind === 3) return pick(["GET", "POST", "/orders/v0/orders/1", "sellingpartnerapi::notifications", "sellingpartnerapi::client_credential:rotation"]);
  if (kind === 4) return pick(NASTY_STRINGS) + pick(NASTY_STRINGS);
  if (kind === 5) return Array.from({ length: Math.floor(rnd() * 4) }, () => nastyValue(depth + 1));
  const keys = ["restrictedResources", "outcomes", "scope", "rejectedToken", "method", "path", "dataElements", "authorizationId", "operation", "status", "latencyMs", "at", "__proto__", "constructor", "name", "kind", "contactEmail", "externalId", "metadata", "tenantId", "region", "flow", "returnUrl"];
  return Object.fromEntries(Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => [pick(keys), nastyValue(depth + 1)]));
}

function nastyBody(): BodyInit | undefined {
  const kind = Math.floor(rnd() * 10);
  if (kind === 0) return undefined;
  if (kind === 1) return pick(["{", "[1,", '{"scope":', "nul", "{'a':1}", '{"a":1}}', "\u0000", "{\"a\":\"\\ud800\"}", "\uFEFF{}"]);
  if (kind === 2) return `{"padding":"${"z".repeat(pick([65 * 1024, 300 * 1024, 1024 * 1024]))}"}`;
  if (kind === 3) return new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]); // invalid UTF-8
  if (kind === 4) return JSON.stringify({ restrictedResources: [{ method: nastyValue(), path: nastyValue(), dataElements: nastyValue() }] });
  if (kind === 6) return JSON.stringify({ scope: pick(["sellingpartnerapi::client_credential:rotation", "sellingpartnerapi::notifications", "sellingpartnerapi::everything"]) });
  if (kind === 5) return JSON.stringify({ outcomes: Array.from({ length: pick([1, 3, 600]) }, () => ({ authorizationId: nastyValue(), operation: nastyValue(), status: nastyValue(), latencyMs: nastyValue(), at: nastyValue() })) });
  return JSON.stringify(nastyValue());
}

function nastyAuthorization(validKey: string, validToken: string): string | undefined {
  return pick([
    undefined,
    "",
    "Bearer",
    "Bearer ",
    `Bearer ${validKey}`,
    `Bearer ${validKey}`,
    `Bearer ${validKey}`,
    `Bearer ${validToken}`,
    `Bearer ${validToken}`,
    `Basic ${Buffer.from("a:b").toString("base64")}`,
    `Bearer lk_live_${"A".repeat(43)}`,
    `Bearer lk_${"-".repeat(200)}`,
    `Bearer ${"x".repeat(8000)}`,
    `Bearer ${validKey}\u00e9`,
    "Bearer lk_live_abc def",
    `bearer ${validToken}`,
  ]);
}

function nastyQuery(): string {
  const keys = ["authorizationId", "include", "limit", "range", "state", "rule", "action", "actor", "tenant", "authorization", "from", "to", "before", "selling_partner_id", "spapi_oauth_code", "error", "cursor", "kind", "externalId", "region", "status", "tenantId", "sellingPartnerId"];
  const raw = ["%00", "%E0%A4%A", "%ZZ", "a%00b", "%ED%A0%80", "x".repeat(300), "1h", "all", "OPEN", "-1", "1e9", "2026-13-45", "authorization.*", "'--"];
  return Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => `${pick(keys)}=${pick(raw)}`).join("&");
}

interface Target {
  name: string;
  methods: Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS", Handler>>;
  path: string;
  /** The method the route serves. */
  main: "GET" | "POST" | "PATCH";
  /** Route params this route takes, fuzzed too. */
  id?: boolean;
  /** The name of that param, when not `id`. */
  param?: string;
  /** A 5xx this route may legitimately answer that is not an error (the probe's failing report). */
  legitimate5xx?: (body: unknown) => boolean;
  /** Not an API: redirects instead of error envelopes. */
  redirects?: boolean;
}

const targets: Target[] = [
  { name: "access-token", main: "POST", methods: accessToken, path: "/api/v1/authorizations/{id}/access-token", id: true },
  { name: "restricted-data-token", main: "POST", methods: rdt, path: "/api/v1/authorizations/{id}/restricted-data-token", id: true },
  { name: "grantless-tokens", main: "POST", methods: grantless, path: "/api/v1/grantless-tokens" },
  { name: "outcomes", main: "POST", methods: outcomes, path: "/api/v1/outcomes" },
  { name: "ping", main: "GET", methods: ping as unknown as Target["methods"], path: "/api/v1/ping" },
  { name: "openapi", main: "GET", methods: openapi as unknown as Target["methods"], path: "/api/v1/openapi.json" },
  { name: "notifications", main: "POST", methods: ingest, path: "/api/notifications/amazon" },
  { name: "resend-webhook", main: "POST", methods: resendWebhook, path: "/api/webhooks/resend" },
  { name: "health-authz", main: "GET", methods: healthAuthz, path: "/api/health/authz", legitimate5xx: (body) => (body as { overall?: string }).overall === "fail" },
  { name: "metrics", main: "GET", methods: metrics, path: "/api/metrics" },
  { name: "inngest", main: "POST", methods: inngestRoute as unknown as Target["methods"], path: "/api/inngest" },
  { name: "tenants", main: "GET", methods: tenants, path: "/api/v1/tenants" },
  { name: "tenants-create", main: "POST", methods: tenants, path: "/api/v1/tenants" },
  { name: "tenant", main: "GET", methods: tenant, path: "/api/v1/tenants/{id}", id: true },
  { name: "tenant-update", main: "PATCH", methods: tenant, path: "/api/v1/tenants/{id}", id: true },
  { name: "tenant-by-external-id", main: "GET", methods: tenantByExternalId, path: "/api/v1/tenants/by-external-id/{id}", id: true, param: "externalId" },
  { name: "authorizations", main: "GET", methods: authorizations, path: "/api/v1/authorizations" },
  { name: "authorization", main: "GET", methods: authorization, path: "/api/v1/authorizations/{id}", id: true },
  { name: "connect-links", main: "POST", methods: connectLinks, path: "/api/v1/connect-links" },
  { name: "connect-link-open", main: "GET", methods: openConnectLink as unknown as Target["methods"], path: "/connect/link/{id}", id: true, param: "token", redirects: true },
  { name: "oauth-callback", main: "GET", methods: oauthCallback as unknown as Target["methods"], path: "/api/oauth/callback", redirects: true },
  { name: "admin-alerts-data", main: "GET", methods: alertsData, path: "/admin/alerts/data" },
  { name: "admin-monitoring-data", main: "GET", methods: monitoringData, path: "/admin/monitoring/data" },
  { name: "admin-audit-export", main: "GET", methods: auditExport, path: "/admin/audit/export" },
  { name: "admin-app-client-status", main: "GET", methods: appClientStatus, path: "/admin/app-client/status" },
];

const seenStatuses = new Set<number>();
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const ENVELOPE_KEYS = ["code", "details", "message", "requestId"];
const users: (CurrentUser | null)[] = [
  null,
  { id: "admin-1", email: "ops@latchkey.test", role: "ADMIN", tenantId: null },
  { id: "partner-1", email: "seller@shop.test", role: "PARTNER", tenantId: "tenant-a" },
];

describe("fuzzing every route handler", () => {
  useAppWithSandbox({ rateLimits: false });
  let apiKey: string;
  beforeEach(async () => {
    resetServerEnvForTests();
    // Expected refusals log warn lines by the hundred; the assertions are on the answers.
    setLogger(createLogger({ level: "silent" }));
    const admin = await db.user.create({ data: { email: "admin@example.test", role: "ADMIN" } });
    apiKey = (await createApiKey({ name: "fuzz", rateLimitPerMinute: 100_000 }, admin.id)).apiKey;
  });

  for (const target of targets) {
    it(`${target.name}: no 5xx, only enveloped error answers`, async () => {
      const failures: string[] = [];
      for (let i = 0; i < 40; i++) {
        const methods = HTTP_METHODS.filter((name) => typeof target.methods[name] === "function");
        // Mostly the method the route serves, so the fuzz gets past the door; sometimes any.
        const method = rnd() < 0.6 ? target.main : pick(methods);
        const handler = target.methods[method]!;
        const id = pick([...NASTY_STRINGS, "auth-1", "no-such-authorization"]);
        const path = target.path.replace("{id}", encodeURIComponent(id.replace(/[\uD800-\uDFFF]/g, "")));
        const headers = new Headers({ "x-request-id": `fuzz-${target.name}-${i}` });
        const authorization = nastyAuthorization(apiKey, pick([PROBE_TOKEN, METRICS_TOKEN]));
        if (authorization !== undefined) {
          try {
            headers.set("authorization", authorization);
          } catch {
            // Not a valid header value (Headers refuses it, as an HTTP server would): send none.
          }
        }
        if (rnd() < 0.3) headers.set("content-type", pick(["text/plain", "application/json; charset=latin1", "multipart/form-data"]));
        if (rnd() < 0.1) headers.set("content-length", pick(["0", "99999999999", "-1", "abc"]));
        const body = method === "GET" ? undefined : nastyBody();
        caller.user = pick(users);
        const label = `#${i} ${method} ${path} auth=${authorization?.slice(0, 40)} user=${caller.user?.role ?? "none"} body=${typeof body === "string" ? body.slice(0, 60) : typeof body}`;
        let response: Response;
        try {
          const request = new NextRequest(`http://localhost${path}?${nastyQuery()}`, { method, headers, body, duplex: "half" });
          const params: Record<string, string> = target.id ? { [target.param ?? "id"]: id } : {};
          response = await handler(request, { params: Promise.resolve(params) });
        } catch (error) {
          failures.push(`${label}: threw ${String(error)}`);
          continue;
        }
        const text = await response.text();
        seenStatuses.add(response.status);
        if (target.redirects && response.status >= 300 && response.status < 400) continue;
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        if (response.status >= 500 && !target.legitimate5xx?.(json)) failures.push(`${label}: ${response.status} ${text.slice(0, 200)}`);
        if (response.status >= 400 && !(target.legitimate5xx?.(json) ?? false)) {
          const error = (json as { error?: Record<string, unknown> } | undefined)?.error;
          const enveloped =
            error !== undefined &&
            typeof error.code === "string" &&
            typeof error.message === "string" &&
            error.requestId === `fuzz-${target.name}-${i}` &&
            Object.keys(error).every((key) => ENVELOPE_KEYS.includes(key)) &&
            response.headers.get("cache-control") === "no-store";
          if (!enveloped) failures.push(`${label}: ${response.status} not enveloped: ${text.slice(0, 200)}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }

  it("reached every kind of refusal (the fuzz is not stuck at the door)", () => {
    for (const status of [400, 401, 404, 405, 413, 422]) expect(seenStatuses, `status ${status}`).toContain(status);
  });
});
