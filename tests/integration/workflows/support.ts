// Tenants and authorizations written straight to the test database, with dates a test controls, and the
// database set-up every workflow test shares.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { db } from "@/lib/db/client";
import { resetServerEnvForTests } from "@/lib/env";
import { createLogger, setLogger } from "@/lib/log/logger";
import { resetDatabase, setupTestDatabase, teardownTestDatabase } from "../../support/database";

export const DAY = 86_400_000;
let sequence = 0;

export async function seedAuthorization(options: { authorizedAt: Date; lastUsedAt?: Date | null; kind?: "SELLER" | "VENDOR"; status?: "ACTIVE" | "QUARANTINED" | "REAUTH_REQUIRED" }) {
  const n = ++sequence;
  const tenant = await db.tenant.create({
    data: { name: `Shop ${n}`, kind: options.kind ?? "SELLER", contactEmail: `owner-${n}@shop.test`, marketplaceIds: ["ATVPDKIKX0DER"] },
  });
  const authorization = await db.authorization.create({
    data: {
      tenantId: tenant.id,
      region: "NA",
      authType: "WEBSITE",
      status: options.status ?? "ACTIVE",
      sellingPartnerId: `A2SEED${String(n).padStart(6, "0")}`,
      refreshTokenCiphertext: "lk1.test.not-a-real-envelope",
      refreshTokenFingerprint: `fp${n}`,
      authorizedAt: options.authorizedAt,
      renewalDueAt: new Date(options.authorizedAt.getTime() + 365 * DAY),
      lastUsedAt: options.lastUsedAt === undefined ? options.authorizedAt : options.lastUsedAt,
    },
  });
  return { tenant, authorization };
}

export async function emailsTo(to: string, template?: string) {
  return db.emailOutbox.findMany({ where: { to, ...(template ? { template } : {}) }, orderBy: { createdAt: "asc" } });
}

/** The emails sent to a tenant's contact address. */
export async function emailsToTenant(tenantId: string, template?: string) {
  return emailsTo((await db.tenant.findUniqueOrThrow({ where: { id: tenantId } })).contactEmail, template);
}

/** The first link in an email's HTML that starts with `prefix`. */
export function linkIn(html: string, prefix: string): string | undefined {
  const match = html.match(new RegExp(`href="(${prefix.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}[^"]*)"`));
  return match?.[1]?.replace(/&amp;/g, "&");
}

export const WORKFLOW_APP_URL = "http://localhost:3000";
export const WORKFLOW_ADMIN = "admin@latchkey.test";

/** A fresh database per test, the app at WORKFLOW_APP_URL, one admin, and quiet logs. */
export function setUpWorkflowDatabase(): void {
  beforeAll(async () => {
    process.env.APP_URL = WORKFLOW_APP_URL;
    process.env.ADMIN_EMAILS = WORKFLOW_ADMIN;
    await setupTestDatabase();
    setLogger(createLogger({ level: "silent" }));
  });
  afterAll(async () => {
    setLogger(undefined);
    delete process.env.ADMIN_EMAILS;
    resetServerEnvForTests();
    await teardownTestDatabase();
  });
  beforeEach(resetDatabase);
}
