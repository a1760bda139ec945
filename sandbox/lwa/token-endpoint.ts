import type { IncomingMessage, ServerResponse } from "node:http";
import { applyFaults } from "../control/apply-faults";
import type { SandboxContext } from "../context";
import { BodyTooLargeError, mediaType, parseForm, readBody } from "../http/body";
import { sendJson } from "../http/respond";
import type { Stats } from "../state/types";
import { clientSecretMatches } from "../apps/client-secrets";
import { CLIENT_AUTHENTICATION_FAILED, missingParameter, REFRESH_TOKEN_INVALID_GRANT, serverError, THROTTLED, UNSUPPORTED_GRANT_TYPE, WRONG_CONTENT_TYPE, lwaError, type LwaResult } from "./errors";
import { grantAuthorizationCode } from "./grant-authorization-code";
import { grantClientCredentials } from "./grant-client-credentials";
import { grantRefreshToken } from "./grant-refresh-token";

const GRANTS = {
  authorization_code: grantAuthorizationCode,
  refresh_token: grantRefreshToken,
  client_credentials: grantClientCredentials,
} as const;
type GrantType = keyof typeof GRANTS;

function isGrantType(value: string): value is GrantType {
  return Object.hasOwn(GRANTS, value);
}

const RESPONSE_HEADERS = { "cache-control": "no-store", pragma: "no-cache", "content-type": "application/json;charset=UTF-8" };

function increment(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function countCall(stats: Stats, grantType: string, clientId: string, status: number | "no-response"): void {
  const lwa = stats.lwa;
  lwa.total += 1;
  increment(lwa.byGrantType, grantType);
  increment(lwa.byStatus, String(status));
  const client = (lwa.byClient[clientId] ??= { total: 0, byGrantType: {} });
  client.total += 1;
  increment(client.byGrantType, grantType);
}

/** The grant work proper: content type, grant type, client authentication, then the grant. */
function exchange(ctx: SandboxContext, contentType: string, fields: Record<string, string>): LwaResult {
  if (contentType !== "application/x-www-form-urlencoded") return WRONG_CONTENT_TYPE;
  const grantType = fields.grant_type;
  if (!grantType) return missingParameter("grant_type");
  if (!isGrantType(grantType)) return UNSUPPORTED_GRANT_TYPE;
  if (!fields.client_id) return missingParameter("client_id");
  if (!fields.client_secret) return missingParameter("client_secret");
  const app = ctx.store.findAppByClientId(fields.client_id);
  if (!app || !clientSecretMatches(app, fields.client_secret, ctx.store.clock.now())) return CLIENT_AUTHENTICATION_FAILED;
  return GRANTS[grantType](ctx.store, app, fields);
}

function faultResult(kind: "5xx" | "429" | "invalid_grant" | "malformed", status: number): LwaResult {
  if (kind === "5xx") return serverError(status);
  if (kind === "429") return { ...THROTTLED, status };
  // A 200 that is not a token.
  if (kind === "malformed") return { status, body: { token_type: "bearer", message: "malformed" } };
  return status === 400 ? REFRESH_TOKEN_INVALID_GRANT : lwaError(status, "invalid_grant", REFRESH_TOKEN_INVALID_GRANT.body.error_description as string);
}

/** `POST /auth/o2/token` — Login with Amazon's token endpoint. */
export async function handleTokenEndpoint(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let body: string;
  try {
    body = await readBody(req);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    sendJson(res, 413, lwaError(413, "invalid_request", "The request is too large").body, RESPONSE_HEADERS);
    return;
  }
  const contentType = mediaType(req);
  const fields = contentType === "application/x-www-form-urlencoded" ? parseForm(body) : {};
  const grantType = fields.grant_type ?? "(missing)";
  const clientId = fields.client_id ?? "(missing)";
  const stats = ctx.store.data.stats;

  const keys = isGrantType(grantType) ? ["lwa", `lwa:${grantType}`] : ["lwa"];
  const outcome = await applyFaults(ctx, keys, res, (kind, status) => {
    const result = faultResult(kind, status);
    countCall(stats, grantType, clientId, result.status);
    sendJson(res, result.status, result.body, RESPONSE_HEADERS);
  });
  if (outcome === "handled") {
    if (!res.headersSent) countCall(stats, grantType, clientId, "no-response");
    ctx.store.changed();
    return;
  }

  const result = exchange(ctx, contentType, fields);
  countCall(ctx.store.data.stats, grantType, clientId, result.status);
  ctx.store.changed();
  sendJson(res, result.status, result.body, RESPONSE_HEADERS);
}
