import { z } from "zod";
import { ALERT_RULES } from "@/lib/alerts/rules";
import { listAlertsView } from "@/lib/alerts/list-alerts";
import { withAdmin } from "@/lib/auth/route-guards";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

const query = z.object({ state: z.enum(["OPEN", "RESOLVED", "all"]).default("all"), rule: z.enum(ALERT_RULES).optional() });

/**
 * The alerts list as JSON (`?state=OPEN|RESOLVED|all&rule=<rule>`), open ones first, with how each was
 * notified; the alerts page polls it. Admin sessions only: partners and API keys get 404.
 */
export const GET = withAdmin(async (request) => {
  const params = new URL(request.url).searchParams;
  const parsed = query.safeParse({ state: params.get("state") || undefined, rule: params.get("rule") || undefined });
  if (!parsed.success) throw new AppError("invalid_input", "state must be OPEN, RESOLVED or all, and rule one of the alert rules.");
  return Response.json(await listAlertsView(parsed.data));
});
