import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import type { ServerEnv } from "@/lib/env";
import { encryptSystem, fingerprint } from "@/lib/vault";
import { clientSecretContext } from "./secret-context";

/** Amazon's LWA client secrets live 180 days (AMAZON.md). */
const SECRET_LIFETIME_MS = 180 * 24 * 60 * 60 * 1000;

export type BootstrapResult = "created" | "exists" | "not_configured";

/**
 * Creates the app client from LWA_CLIENT_ID / LWA_CLIENT_SECRET / SPAPI_APPLICATION_ID the first time
 * Latchkey starts with them. After that the database is the source of truth (secrets rotate there), so
 * an existing app client is never overwritten from the environment.
 */
export async function bootstrapAppClient(
  env: Pick<ServerEnv, "LWA_CLIENT_ID" | "LWA_CLIENT_SECRET" | "SPAPI_APPLICATION_ID" | "SPAPI_APP_NAME" | "SPAPI_APP_DRAFT">,
): Promise<BootstrapResult> {
  const { LWA_CLIENT_ID: clientId, LWA_CLIENT_SECRET: secret, SPAPI_APPLICATION_ID: applicationId } = env;
  if (!clientId || !secret || !applicationId) return "not_configured";
  if (await db.appClient.findUnique({ where: { clientId }, select: { id: true } })) return "exists";

  const appClient = await db.appClient.create({
    data: { applicationId, clientId, appName: env.SPAPI_APP_NAME, status: env.SPAPI_APP_DRAFT ? "DRAFT" : "PUBLISHED" },
  });
  const secretCiphertext = await encryptSystem(secret, clientSecretContext(appClient.id, 1));
  await db.$transaction(async (tx) => {
    await tx.appClientSecret.create({
      data: {
        appClientId: appClient.id,
        version: 1,
        state: "CURRENT",
        source: "MANUAL",
        secretCiphertext,
        fingerprint: fingerprint(secret),
        // Amazon does not tell us when a pasted secret was issued; assume now and let the admin correct it.
        expiresAt: new Date(Date.now() + SECRET_LIFETIME_MS),
      },
    });
    await recordAuditEvent(
      { action: "app_client.created", actorType: "SYSTEM", details: { applicationId, clientId, source: "environment", secretFingerprint: fingerprint(secret) } },
      tx,
    );
  });
  return "created";
}
