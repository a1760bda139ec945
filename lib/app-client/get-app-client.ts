import "server-only";
import type { ClientCredentials } from "@/lib/amazon/lwa";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { AppClient } from "@/lib/generated/prisma/client";
import { decryptSystem } from "@/lib/vault";
import { clientSecretContext } from "./secret-context";

/** The app client (one per installation). */
export async function getAppClient(): Promise<AppClient> {
  const client = await db.appClient.findFirst({ orderBy: { createdAt: "asc" } });
  if (!client) {
    throw new AppError("config_error", "No Amazon app client is configured yet.", {
      cause: new Error("no AppClient row: set LWA_CLIENT_ID, LWA_CLIENT_SECRET and SPAPI_APPLICATION_ID and restart"),
    });
  }
  return client;
}

/** The app's LWA credentials with the current secret, decrypted at the moment of use. */
export async function getClientCredentials(): Promise<ClientCredentials & { appClient: AppClient }> {
  const appClient = await getAppClient();
  const secret = await db.appClientSecret.findFirst({
    where: { appClientId: appClient.id, state: "CURRENT" },
    orderBy: { version: "desc" },
  });
  if (!secret) throw new AppError("config_error", "The Amazon app client has no current secret.");
  const clientSecret = await decryptSystem(secret.secretCiphertext, clientSecretContext(appClient.id, secret.version));
  return { clientId: appClient.clientId, clientSecret, appClient };
}
