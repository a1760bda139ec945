import { getAppClientOverview } from "@/lib/app-client/get-app-client-overview";
import { requestIdFrom } from "@/lib/auth/request-id";
import { errorResponse, type RouteContext, withAdmin } from "@/lib/auth/route-guards";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

const overview = withAdmin(async () => Response.json(await getAppClientOverview(), { headers: { "cache-control": "no-store" } }));

/**
 * The app client's state as JSON (secret versions with fingerprints only, rotations, alerts, intake):
 * what the admin page shows, for monitoring. Admin sessions only; partners and API keys get 404.
 */
export async function GET(request: Request, context: RouteContext<Record<string, never>>): Promise<Response> {
  // A worker's API key is for the token API; here it is not even told that the route exists.
  if (request.headers.has("authorization")) return errorResponse(new AppError("not_found"), requestIdFrom(request.headers));
  return overview(request, context);
}
