"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { adminAction, type ActionResult } from "@/lib/auth/action-guards";
import { selfAuthorize, selfAuthorizeInput } from "@/lib/authorizations/self-authorize";
import { testTenantConnection, type ConnectivityResult } from "@/lib/authorizations/test-connectivity";
import { createTenantByAdmin, createTenantInput } from "@/lib/tenants/create-tenant";

const selfAuthorizeForm = selfAuthorizeInput.omit({ tenantId: true }).extend({
  tenantId: z.string().optional(),
  newTenantName: z.string().optional(),
  newTenantKind: z.enum(["SELLER", "VENDOR"]).optional(),
  newTenantEmail: z.string().optional(),
});

const runSelfAuthorize = adminAction(selfAuthorizeForm, async (input, { user }) => {
  const tenantId =
    input.tenantId && input.tenantId !== "new"
      ? input.tenantId
      : (await createTenantByAdmin(createTenantInput.parse({ name: input.newTenantName, kind: input.newTenantKind, contactEmail: input.newTenantEmail }), user.id)).id;
  const outcome = await selfAuthorize({ tenantId, region: input.region, refreshToken: input.refreshToken, sellingPartnerId: input.sellingPartnerId }, user.id);
  return { tenantId, outcome };
});

export type SelfAuthorizeState = ActionResult<{ message: string }> | null;

export async function selfAuthorizeAction(_previous: SelfAuthorizeState, form: FormData): Promise<SelfAuthorizeState> {
  const result = await runSelfAuthorize(form);
  if (!result.ok) return result;
  if (result.data.outcome.ok) redirect(`/admin/tenants/${result.data.tenantId}?selfAuthorized=${result.data.outcome.fingerprint}`);
  return { ok: false, error: { code: "invalid_input", message: result.data.outcome.message } };
}

const adminTest = adminAction(z.object({ authorizationId: z.string().min(1) }), ({ authorizationId }, { user, requestId }) =>
  testTenantConnection({ authorizationId, actorType: "ADMIN", actorId: user.id, requestId }),
);

export async function adminTestConnectionAction(_previous: ActionResult<ConnectivityResult> | null, form: FormData): Promise<ActionResult<ConnectivityResult>> {
  return adminTest(form);
}
