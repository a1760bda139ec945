"use server";

import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { userAction } from "@/lib/auth/action-guards";
import { registerTenant } from "@/lib/tenants/register-tenant";
import { registerTenantInput } from "@/lib/tenants/tenant-input";
import { repeatedField } from "@/lib/utils/form-fields";

const registerForm = registerTenantInput.extend({
  marketplaceIds: repeatedField(registerTenantInput.shape.marketplaceIds),
  /** Where to go next: back to the Appstore flow that sent the partner here, else the connect page. */
  next: z.string().optional(),
});

/** A new user registers their business, then continues where they came from. */
export const registerTenantAction = userAction(registerForm, async ({ next, ...input }, { user }) => {
  await registerTenant(user.id, input, { locale: await getLocale() });
  redirect(next?.startsWith("/appstore/login?") ? next : "/connect");
});
