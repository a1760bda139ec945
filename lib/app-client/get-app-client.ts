import "server-only";
import type { ClientCredentials } from "@/lib/amazon/lwa";
import type { AppClient } from "@/lib/generated/prisma/client";
import { loadCredentialSet } from "./client-credentials";

export { getAppClient } from "./find-app-client";

/**
 * The app's LWA credentials with the CURRENT secret, decrypted (kept in memory a few seconds at most).
 * LWA calls should go through `withClientCredentials`, which also falls back to the previous secret.
 */
export async function getClientCredentials(): Promise<ClientCredentials & { appClient: AppClient }> {
  const set = await loadCredentialSet();
  return { clientId: set.appClient.clientId, clientSecret: set.current.clientSecret, appClient: set.appClient };
}
