import "server-only";
// POST /api/v1/connect-links: a single-use, expiring link that lets a partner without a Latchkey account
// connect (or reauthorize) one tenant in one region. Only the token's hash is stored; with an
// Idempotency-Key the first answer is kept with its URL sealed under the tenant's data key, so a retry
// gets the same link back and the database never holds a usable link in clear.
import { z } from "zod";
import { marketplacesIn, findMarketplace } from "@/lib/amazon/marketplaces";
import type { ApiCaller } from "@/lib/api-keys/authenticate-api-key";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { readServerEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { resolveTenantForCaller } from "@/lib/management/manage-tenants";
import { runIdempotent } from "@/lib/management/idempotency";
import { connectLinkResponse, type ConnectLinkResponse, type CreateConnectLinkBody } from "@/lib/management/schemas";
import { flowFor } from "@/lib/oauth/start-website-authorization";
import { hashToken, randomToken } from "@/lib/oauth/state-token";
import { decryptForTenant, encryptForTenant } from "@/lib/vault";
import { connectLinkUrl } from "./connect-link-url";

type Caller = Pick<ApiCaller, "apiKeyId" | "tenantIds">;

/** The returnUrl, if its origin is on the allowlist (422 `return_url_not_allowed` otherwise). */
export function checkReturnUrl(returnUrl: string | undefined): string | null {
  if (returnUrl === undefined) return null;
  const origin = new URL(returnUrl).origin;
  if (!readServerEnv().CONNECT_LINK_RETURN_ORIGINS.includes(origin)) throw new AppError("return_url_not_allowed");
  return returnUrl;
}

async function createLink(caller: Caller, body: CreateConnectLinkBody, requestId?: string): Promise<ConnectLinkResponse> {
  const returnUrl = checkReturnUrl(body.returnUrl);
  const tenant = await resolveTenantForCaller(caller, body);
  const existing = await db.authorization.findUnique({ where: { tenantId_region: { tenantId: tenant.id, region: body.region } }, select: { status: true } });
  const reauthorizes = flowFor(existing) === "REAUTHORIZE";
  if (body.flow === "connect" && reauthorizes) throw new AppError("already_connected");
  if (body.flow === "reauthorize" && !reauthorizes) throw new AppError("not_connected");
  const marketplaceId =
    body.marketplaceId ?? tenant.marketplaceIds.find((id) => findMarketplace(id)?.region === body.region) ?? marketplacesIn(body.region)[0]!.id;

  const token = randomToken();
  const expiresAt = new Date(Date.now() + readServerEnv().CONNECT_LINK_TTL_MINUTES * 60_000);
  const link = await db.$transaction(async (tx) => {
    const created = await tx.connectLink.create({
      data: { tokenHash: hashToken(token), apiKeyId: caller.apiKeyId, tenantId: tenant.id, region: body.region, marketplaceId, flow: body.flow === "connect" ? "CONNECT" : "REAUTHORIZE", returnUrl, expiresAt },
      select: { id: true },
    });
    await recordAuditEvent(
      { action: "connect_link.created", actorType: "API_KEY", actorId: caller.apiKeyId, tenantId: tenant.id, requestId, details: { connectLinkId: created.id, region: body.region, flow: body.flow, returnOrigin: returnUrl ? new URL(returnUrl).origin : null } },
      tx,
    );
    return created;
  });
  return { id: link.id, url: connectLinkUrl(token), expiresAt: expiresAt.toISOString(), tenantId: tenant.id, region: body.region, flow: body.flow };
}

const SEAL_CONTEXT = "connect-link-answer";

export async function createConnectLink(caller: Caller, body: CreateConnectLinkBody, options: { idempotencyKey: string | null; requestId?: string }) {
  return runIdempotent<ConnectLinkResponse>({
    apiKeyId: caller.apiKeyId,
    key: options.idempotencyKey,
    operation: "POST /api/v1/connect-links",
    request: body,
    run: async () => ({ status: 201, body: await createLink(caller, body, options.requestId) }),
    store: async (answer) => ({ ...answer, url: await encryptForTenant(answer.tenantId, answer.url, `${SEAL_CONTEXT}:${answer.id}`) }) as Prisma.InputJsonValue,
    load: async (stored) => {
      const sealed = connectLinkResponse.extend({ url: z.string() }).parse(stored);
      return { ...sealed, url: await decryptForTenant(sealed.tenantId, sealed.url, `${SEAL_CONTEXT}:${sealed.id}`) };
    },
  });
}
