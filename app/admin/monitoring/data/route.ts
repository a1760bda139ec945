import { requestIdFrom } from "@/lib/auth/request-id";
import { errorResponse, type RouteContext, withAdmin } from "@/lib/auth/route-guards";
import { AppError } from "@/lib/errors";
import { getMonitoringSnapshot, parseMonitoringQuery } from "@/lib/monitoring/get-monitoring-snapshot";

export const dynamic = "force-dynamic";

const snapshot = withAdmin(async (request) => {
  const { range } = parseMonitoringQuery(new URL(request.url).searchParams);
  return Response.json(await getMonitoringSnapshot({ range }), { headers: { "cache-control": "no-store" } });
});

/**
 * What /admin/monitoring shows, as JSON (`?range=1h|24h|7d`); the page's charts poll it. Admin sessions
 * only: partners and API keys get 404, a bad range 422 `invalid_input`.
 */
export async function GET(request: Request, context: RouteContext<Record<string, never>>): Promise<Response> {
  if (request.headers.has("authorization")) return errorResponse(new AppError("not_found"), requestIdFrom(request.headers));
  return snapshot(request, context);
}
