import { z } from "zod";
import { readServerEnv } from "@/lib/env";
import { withBearerToken } from "@/lib/health/bearer-token";
import { getAuthzHealth } from "@/lib/health/get-authz-health";
import { idSchema } from "@/lib/http/ids";

export const dynamic = "force-dynamic";

const query = z.object({
  include: z.enum(["problems", "all"]).default("problems"),
  authorizationId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});

/**
 * The hourly probe: `Authorization: Bearer $HEALTH_PROBE_TOKEN`. 200 when nothing fails (ok or warn),
 * 503 when something does; 404 while HEALTH_PROBE_TOKEN is unset, 401 with a wrong or missing token.
 */
export const GET = withBearerToken(
  async (request) => {
    const params = query.parse(Object.fromEntries(new URL(request.url).searchParams));
    const report = await getAuthzHealth(params);
    return Response.json(report, { status: report.overall === "fail" ? 503 : 200 });
  },
  { token: () => readServerEnv().HEALTH_PROBE_TOKEN },
);
