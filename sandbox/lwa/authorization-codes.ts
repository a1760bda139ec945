import { MINUTE_MS } from "../clock";
import { hashSecret, newAuthorizationCode } from "../ids";
import type { SandboxStore } from "../state/store";
import type { App, AuthorizationCodeRecord, AuthorizationSource } from "../state/types";

/** `spapi_oauth_code` is valid for 5 minutes (AMAZON.md). */
export const AUTHORIZATION_CODE_TTL_MS = 5 * MINUTE_MS;

export function issueAuthorizationCode(store: SandboxStore, app: App, sellingPartnerId: string, redirectUri: string, source: AuthorizationSource): string {
  const code = newAuthorizationCode();
  const now = store.clock.now();
  store.data.authorizationCodes.push({
    hash: hashSecret(code),
    applicationId: app.applicationId,
    sellingPartnerId,
    redirectUri,
    source,
    createdAt: now,
    expiresAt: now + AUTHORIZATION_CODE_TTL_MS,
  });
  store.changed();
  return code;
}

export function findAuthorizationCode(store: SandboxStore, code: string): AuthorizationCodeRecord | undefined {
  const hash = hashSecret(code);
  return store.data.authorizationCodes.find((record) => record.hash === hash);
}

export type CodeProblem = "unknown" | "used" | "expired" | "other_app" | "redirect_uri_mismatch";

/** Why a code cannot be exchanged by this app with this redirect_uri, or undefined when it can. */
export function codeProblem(record: AuthorizationCodeRecord | undefined, applicationId: string, redirectUri: string, now: number): CodeProblem | undefined {
  if (!record) return "unknown";
  if (record.usedAt !== undefined) return "used";
  if (now >= record.expiresAt) return "expired";
  if (record.applicationId !== applicationId) return "other_app";
  if (record.redirectUri !== redirectUri) return "redirect_uri_mismatch";
  return undefined;
}
