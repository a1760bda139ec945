import { withAdmin } from "@/lib/auth/route-guards";
import { getMonitoringSnapshot, parseMonitoringQuery } from "@/lib/monitoring/get-monitoring-snapshot";

export const dynamic = "force-dynamic";

/**
 * What /admin/monitoring shows, as JSON (`?range=1h|24h|7d`); the page's charts poll it. Admin sessions
 * only: partners and API keys get 404, a bad range 422 `invalid_input`.
 */
export const GET = withAdmin(async (request) => {
  const { range } = parseMonitoringQuery(new URL(request.url).searchParams);
  return Response.json(await getMonitoringSnapshot({ range }));
});
