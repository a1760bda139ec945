import "server-only";
import { announceWebhookEvent, recordAppClientWebhook } from "@/lib/webhooks/lifecycle-events";
import type { RecordedWebhookEvent } from "@/lib/webhooks/record-webhook-event";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { encryptSystem, fingerprint } from "@/lib/vault";
import { invalidateClientCredentials } from "../client-credentials";
import { getAppClient } from "../find-app-client";
import { clientSecretContext } from "../secret-context";
import { lockAppClient, nextSecretVersion, promoteSecret } from "./promote-secret";
import { verifyClientSecret } from "./verify-client-secret";

const DAY_MS = 24 * 60 * 60 * 1000;

export const manualSecretInput = z.object({
  clientSecret: z.string().trim().min(16, "Paste the whole client secret").max(2048),
  /** When Amazon says it expires (Developer Console); default 180 days from now. */
  expiresAt: z.preprocess((value) => (value === "" ? undefined : value), z.coerce.date().optional()),
});

export type ManualSecretOutcome = { ok: true; version: number; fingerprint: string } | { ok: false; code: "rejected" | "amazon_unavailable" | "already_known"; message: string };

/**
 * An admin pastes a client secret from the Developer Console. It is verified with a client_credentials
 * call first; only a working secret is stored, as CURRENT, the old CURRENT kept as PREVIOUS for at most
 * 7 days (Amazon's window after a rotation).
 */
export async function setManualSecret(raw: z.input<typeof manualSecretInput>, actor: Actor): Promise<ManualSecretOutcome> {
  const input = manualSecretInput.parse(raw);
  const appClient = await getAppClient();
  const secretFingerprint = fingerprint(input.clientSecret);
  const known = await db.appClientSecret.findFirst({ where: { appClientId: appClient.id, fingerprint: secretFingerprint }, select: { version: true, state: true } });
  if (known && known.state !== "PENDING") return { ok: false, code: "already_known", message: `This secret is already stored (version ${known.version}, ${known.state.toLowerCase()}).` };

  const check = await verifyClientSecret(appClient.clientId, input.clientSecret);
  if (!check.ok) {
    return check.kind === "transient"
      ? { ok: false, code: "amazon_unavailable", message: "Amazon did not answer the verification call; nothing was stored. Try again shortly." }
      : { ok: false, code: "rejected", message: "Amazon did not accept this secret for this app's client id; nothing was stored." };
  }
  const now = new Date();
  const expiresAt = input.expiresAt ?? new Date(now.getTime() + 180 * DAY_MS);
  if (expiresAt <= now) throw new AppError("invalid_input", "The expiry date must be in the future.");
  let webhook: RecordedWebhookEvent | null = null;
  const stored = await db.$transaction(async (tx) => {
    await lockAppClient(tx, appClient.id);
    const pending = await tx.appClientSecret.findFirst({ where: { appClientId: appClient.id, fingerprint: secretFingerprint, state: "PENDING" } });
    let secret = pending;
    if (!secret) {
      const version = await nextSecretVersion(tx, appClient.id);
      const secretCiphertext = await encryptSystem(input.clientSecret, clientSecretContext(appClient.id, version), { client: tx });
      secret = await tx.appClientSecret.create({ data: { appClientId: appClient.id, version, state: "PENDING", source: "MANUAL", secretCiphertext, fingerprint: secretFingerprint, expiresAt } });
    }
    const promotion = await promoteSecret(tx, { appClientId: appClient.id, secretId: secret.id, previousExpiresAt: new Date(now.getTime() + 7 * DAY_MS), verifiedAt: now });
    await recordAuditEvent(
      {
        action: "app_client.secret_set_manually",
        actorType: "ADMIN",
        actorId: actor.userId,
        requestId: actor.requestId,
        details: { version: secret.version, fingerprint: secretFingerprint, expiresAt: expiresAt.toISOString(), previousVersion: promotion.previous?.version ?? null, previousFingerprint: promotion.previous?.fingerprint ?? null, verified: true },
      },
      tx,
    );
    if (promotion.promoted) webhook = await recordAppClientWebhook(tx, appClient.id, "app_client.secret_rotated", { version: secret.version, expiresAt: expiresAt.toISOString(), via: "manual" }, now);
    return secret;
  });
  invalidateClientCredentials();
  void announceWebhookEvent(webhook);
  return { ok: true, version: stored.version, fingerprint: secretFingerprint };
}
