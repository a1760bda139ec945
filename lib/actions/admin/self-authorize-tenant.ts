"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { REGION_CODES } from "@/lib/amazon/regions";
import { adminAction } from "@/lib/auth/action-guards";
import { selfAuthorize } from "@/lib/oauth/self-authorize";
import { AppError } from "@/lib/errors";

const selfAuthorizeForm = z.object({
  tenantId: z.string().optional(),
  newTenantName: z.string().optional(),
  newTenantKind: z.enum(["SELLER", "VENDOR"]).optional(),
  newTenantEmail: z.string().optional(),
  region: z.enum(REGION_CODES),
  refreshToken: z.string(),
  sellingPartnerId: z.string().optional(),
});

/** Stores a refresh token an admin pasted from the Authorize app page, then opens the tenant it belongs to. */
export const selfAuthorizeAction = adminAction(selfAuthorizeForm, async (input, { user }) => {
  const outcome = await selfAuthorize(
    {
      ...(input.tenantId && input.tenantId !== "new"
        ? { tenantId: input.tenantId }
        : { newTenant: { name: input.newTenantName ?? "", kind: input.newTenantKind ?? "SELLER", contactEmail: input.newTenantEmail ?? "" } }),
      region: input.region,
      refreshToken: input.refreshToken,
      sellingPartnerId: input.sellingPartnerId,
    },
    user.id,
  );
  if (!outcome.ok) throw new AppError("invalid_input", outcome.message);
  redirect(`/admin/tenants/${outcome.tenantId}?selfAuthorized=${outcome.fingerprint}`);
});
