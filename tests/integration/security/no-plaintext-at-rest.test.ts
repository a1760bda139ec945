// Canary secrets written through the app's real code paths must never appear in plaintext: not in any
// text, json or bytea column of any table, and not in any log line.
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrapAppClient } from "@/lib/app-client/bootstrap-app-client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { readRefreshToken } from "@/lib/authorizations/read-refresh-token";
import { storeRefreshToken } from "@/lib/authorizations/store-refresh-token";
import { db } from "@/lib/db/client";
import { toErrorResponse } from "@/lib/errors";
import { createLogger, setLogger } from "@/lib/log";
import { setupTestDatabase, teardownTestDatabase } from "../../support/database";

const canaries = {
  clientSecret: `amzn1.oa2-cs.v1.CANARYSECRET${"c".repeat(40)}`,
  refreshToken: `Atzr|IwEBICANARYREFRESH${"r".repeat(300)}`,
  accessToken: `Atza|IwEBICANARYACCESS${"a".repeat(300)}`,
  rdt: `Atz.sprdt|CANARYRDT${"d".repeat(200)}`,
};
// Distinctive fragments: a column that holds any of these holds (part of) a secret in plaintext.
const fragments = ["CANARYSECRET", "CANARYREFRESH", "CANARYACCESS", "CANARYRDT"];

const logLines: string[] = [];

describe("no plaintext secrets at rest or in logs", () => {
  beforeAll(async () => {
    await setupTestDatabase();
    setLogger(
      createLogger({
        level: "trace",
        destination: new Writable({
          write(chunk: Buffer, _encoding, done) {
            logLines.push(chunk.toString());
            done();
          },
        }),
      }),
    );
  });

  afterAll(async () => {
    setLogger(undefined);
    await teardownTestDatabase();
  });

  it("stores, uses and logs canaries without leaking one", async () => {
    // The app client's secret, through the bootstrap that `npm run dev` and first deploys run.
    expect(
      await bootstrapAppClient({
        LWA_CLIENT_ID: "amzn1.application-oa2-client.canary",
        LWA_CLIENT_SECRET: canaries.clientSecret,
        SPAPI_APPLICATION_ID: "amzn1.sp.solution.canary",
        SPAPI_APP_NAME: "Canary",
        SPAPI_APP_DRAFT: true,
      }),
    ).toBe("created");

    // A tenant's refresh token, through the code that every authorization flow uses to store one.
    const tenant = await db.tenant.create({ data: { name: "Canary Co", kind: "SELLER", contactEmail: "canary@example.test" } });
    const authorization = await db.authorization.create({ data: { tenantId: tenant.id, region: "NA", authType: "SELF", sellingPartnerId: "A1CANARY" } });
    const fingerprint = await storeRefreshToken(db, authorization, canaries.refreshToken);
    const stored = await db.authorization.findUniqueOrThrow({ where: { id: authorization.id } });
    expect(await readRefreshToken(stored)).toBe(canaries.refreshToken);

    // Audit details and logs that carelessly include secrets.
    await recordAuditEvent({
      action: "authorization.connected",
      actorType: "SYSTEM",
      tenantId: tenant.id,
      authorizationId: authorization.id,
      details: { refreshTokenFingerprint: fingerprint, refresh_token: canaries.refreshToken, note: `got ${canaries.accessToken}` },
    });
    const { logger } = await import("@/lib/log");
    logger.info({ body: { access_token: canaries.accessToken, refresh_token: canaries.refreshToken } }, "LWA answered");
    logger.warn(`refresh failed for token ${canaries.refreshToken}`);
    logger.error(new Error(`Amazon said no to ${canaries.clientSecret} and ${canaries.rdt}`), "boom %s", canaries.accessToken);
    const response = toErrorResponse(new Error(`internal: ${canaries.refreshToken}`), "req-1");
    expect(JSON.stringify(response.body)).not.toContain("CANARY");

    // Every text-like column of every table.
    const columns = await db.$queryRawUnsafe<{ table_name: string; column_name: string; data_type: string }[]>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'bytea', 'ARRAY')`,
    );
    expect(columns.length).toBeGreaterThan(20);
    const leaks: string[] = [];
    for (const { table_name, column_name, data_type } of columns) {
      const asText = data_type === "bytea" ? `encode("${column_name}", 'escape')` : `"${column_name}"::text`;
      const rows = await db.$queryRawUnsafe<{ value: string | null }[]>(`SELECT ${asText} AS value FROM "${table_name}"`);
      for (const { value } of rows) {
        if (value && fragments.some((f) => value.includes(f))) leaks.push(`${table_name}.${column_name}`);
      }
    }
    expect(leaks).toEqual([]);

    // The secrets really were written somewhere (encrypted), so the scan above had something to miss.
    expect(await db.appClientSecret.count()).toBe(1);
    expect(stored.refreshTokenCiphertext).toMatch(/^lk1\./);

    expect(logLines.length).toBeGreaterThanOrEqual(3);
    for (const line of logLines) for (const f of fragments) expect(line).not.toContain(f);
  });
});
