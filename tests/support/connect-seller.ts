// Creates a partner with a connected seller authorization through the real website flow against the sandbox.
import type { Sandbox } from "@/sandbox/server";
import { db } from "@/lib/db/client";
import { completeAuthorization } from "@/lib/oauth/complete-authorization";
import { startWebsiteAuthorization } from "@/lib/oauth/start-website-authorization";
import { registerTenant } from "@/lib/tenants/register-tenant";
import { answerConsent, callbackParams, sandboxControl } from "./sandbox-session";

let sequence = 0;

export async function connectSeller(sandbox: Sandbox, options: { region?: "NA" | "EU"; label?: string } = {}) {
  const n = ++sequence;
  const region = options.region ?? "NA";
  const marketplaceId = region === "NA" ? "ATVPDKIKX0DER" : "A1PA6795UKMFR9";
  const sellingPartnerId = `A2CONNECT${region}${String(n).padStart(5, "0")}${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
  await sandboxControl(sandbox, "POST", "/accounts", { sellingPartnerId, name: `${options.label ?? "Seller"} ${n}`, type: "seller", region, marketplaces: [marketplaceId] });
  const user = await db.user.create({ data: { email: `seller-${n}-${sellingPartnerId.toLowerCase()}@example.test` } });
  const tenant = await registerTenant(user.id, { name: `${options.label ?? "Seller"} Co ${n}`, kind: "SELLER", contactEmail: user.email, marketplaceIds: [marketplaceId] });
  const started = await startWebsiteAuthorization({ userId: user.id, tenantId: tenant.id, marketplaceId, bindingCookie: "browser" });
  const outcome = await completeAuthorization(callbackParams(await answerConsent(started.consentUrl, { action: "confirm", sellingPartnerId })), "browser", user.id);
  if (!outcome.ok) throw new Error(`connect failed: ${outcome.failure}`);
  return { userId: user.id, tenantId: tenant.id, authorizationId: outcome.authorizationId, sellingPartnerId };
}
