import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** Serializes secret changes of one app client across instances (row lock until the transaction ends). */
export async function lockAppClient(tx: Tx, appClientId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "AppClient" WHERE "id" = ${appClientId} FOR UPDATE`;
}

export interface Promotion {
  promoted: boolean;
  /** The secret that was CURRENT before (now PREVIOUS). */
  previous?: { version: number; fingerprint: string; expiresAt: Date | null };
}

/**
 * Makes a verified secret CURRENT, inside the caller's transaction (after `lockAppClient`): the old
 * CURRENT becomes PREVIOUS until `previousExpiresAt` (Amazon's 7-day window), older PREVIOUS secrets and
 * older unverified PENDING ones are RETIRED. Does nothing when the secret is already CURRENT.
 */
export async function promoteSecret(tx: Tx, input: { appClientId: string; secretId: string; previousExpiresAt: Date; verifiedAt: Date }): Promise<Promotion> {
  const secret = await tx.appClientSecret.findUniqueOrThrow({ where: { id: input.secretId } });
  if (secret.state === "CURRENT") return { promoted: false };
  const current = await tx.appClientSecret.findFirst({ where: { appClientId: input.appClientId, state: "CURRENT" }, orderBy: { version: "desc" } });
  await tx.appClientSecret.updateMany({
    where: { appClientId: input.appClientId, OR: [{ state: "PREVIOUS" }, { state: "PENDING", version: { lt: secret.version } }], id: { not: secret.id } },
    data: { state: "RETIRED" },
  });
  let previous: Promotion["previous"];
  if (current) {
    // The old secret never outlives its own expiry, whatever the window says.
    const expiresAt = current.expiresAt && current.expiresAt < input.previousExpiresAt ? current.expiresAt : input.previousExpiresAt;
    await tx.appClientSecret.update({ where: { id: current.id }, data: { state: "PREVIOUS", expiresAt } });
    previous = { version: current.version, fingerprint: current.fingerprint, expiresAt };
  }
  await tx.appClientSecret.update({ where: { id: secret.id }, data: { state: "CURRENT", verifiedAt: input.verifiedAt } });
  return { promoted: true, previous };
}

/** The next free version number of an app client's secrets. */
export async function nextSecretVersion(tx: Tx, appClientId: string): Promise<number> {
  const latest = await tx.appClientSecret.findFirst({ where: { appClientId }, orderBy: { version: "desc" }, select: { version: true } });
  return (latest?.version ?? 0) + 1;
}
