"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createApiKey, createApiKeyForm, revokeApiKey } from "@/lib/api-keys/manage-api-keys";
import { adminAction, type ActionResult } from "@/lib/auth/action-guards";
import { selfAuthorize } from "@/lib/oauth/self-authorize";
import { testTenantConnection, type ConnectivityResult } from "@/lib/preflight/test-connectivity";

const selfAuthorizeForm = z.object({
  tenantId: z.string().optional(),
  newTenantName: z.string().optional(),
  newTenantKind: z.enum(["SELLER", "VENDOR"]).optional(),
  newTenantEmail: z.string().optional(),
  region: z.string(),
  refreshToken: z.string(),
  sellingPartnerId: z.string().optional(),
});

const runSelfAuthorize = adminAction(selfAuthorizeForm, (input, { user }) =>
  selfAuthorize(
    {
      ...(input.tenantId && input.tenantId !== "new"
        ? { tenantId: input.tenantId }
        : { newTenant: { name: input.newTenantName ?? "", kind: input.newTenantKind ?? "SELLER", contactEmail: input.newTenantEmail ?? "" } }),
      region: input.region as "NA" | "EU" | "FE",
      refreshToken: input.refreshToken,
      sellingPartnerId: input.sellingPartnerId,
    },
    user.id,
  ),
);

export type SelfAuthorizeState = ActionResult<{ message: string }> | null;

export async function selfAuthorizeAction(_previous: SelfAuthorizeState, form: FormData): Promise<SelfAuthorizeState> {
  const result = await runSelfAuthorize(form);
  if (!result.ok) return result;
  if (result.data.ok) redirect(`/admin/tenants/${result.data.tenantId}?selfAuthorized=${result.data.fingerprint}`);
  return { ok: false, error: { code: "invalid_input", message: result.data.message } };
}

const adminTest = adminAction(z.object({ authorizationId: z.string().min(1) }), ({ authorizationId }, { user, requestId }) =>
  testTenantConnection({ authorizationId, actorType: "ADMIN", actorId: user.id, requestId }),
);

export async function adminTestConnectionAction(_previous: ActionResult<ConnectivityResult> | null, form: FormData): Promise<ActionResult<ConnectivityResult>> {
  return adminTest(form);
}

const runCreateKey = adminAction(createApiKeyForm, async (input, { user }) => createApiKey(input, user.id));

export async function createApiKeyAction(_previous: ActionResult<{ apiKey: string; prefix: string }> | null, form: FormData): Promise<ActionResult<{ apiKey: string; prefix: string }>> {
  const result = await runCreateKey(form);
  if (result.ok) revalidatePath("/admin/api-keys");
  return result.ok ? { ok: true, data: { apiKey: result.data.apiKey, prefix: result.data.prefix } } : result;
}

const runRevokeKey = adminAction(z.object({ apiKeyId: z.string().min(1) }), async ({ apiKeyId }, { user }) => revokeApiKey(apiKeyId, user.id));

export async function revokeApiKeyAction(form: FormData): Promise<void> {
  await runRevokeKey(form);
  revalidatePath("/admin/api-keys");
}
