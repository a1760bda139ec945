import "server-only";
// The Application Management API (AMAZON.md): rotateApplicationClientSecret, a grantless call with the
// `sellingpartnerapi::client_credential:rotation` scope. Amazon answers 204; the new secret arrives later
// as an APPLICATION_OAUTH_CLIENT_NEW_SECRET notification.
import type { Region } from "./regions";
import { callSpApi } from "./spapi";

/** Asks Amazon to rotate the app's client secret; throws SpApiError when Amazon refuses or does not answer. */
export async function rotateApplicationClientSecret(region: Region, accessToken: string): Promise<void> {
  await callSpApi({ region, accessToken, method: "POST", path: "/applications/2023-11-30/clientSecret" });
}
