import { z } from "zod";
import { withAdmin } from "@/lib/auth/route-guards";
import { AppError } from "@/lib/errors";
import { searchTenantChoices, TENANT_CHOICE_LIMIT } from "@/lib/tenants/list-tenants";

export const dynamic = "force-dynamic";

const query = z.object({ q: z.string().max(100).optional() });

/**
 * Tenants for the API key form's "Limit to tenants" picker (`?q=<words>`): the first matches of the admin
 * search, or the first tenants by name without a query; never more than a short list, however many tenants
 * there are. Admin sessions only: partners and API keys get 404.
 */
export const GET = withAdmin(async (request) => {
  const parsed = query.safeParse({ q: new URL(request.url).searchParams.get("q") ?? undefined });
  if (!parsed.success) throw new AppError("invalid_input", "q must be at most 100 characters.");
  return Response.json({ tenants: await searchTenantChoices(parsed.data.q), limit: TENANT_CHOICE_LIMIT });
});
