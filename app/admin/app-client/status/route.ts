import { getAppClientOverview } from "@/lib/app-client/get-app-client-overview";
import { withAdmin } from "@/lib/auth/route-guards";

export const dynamic = "force-dynamic";

/**
 * The app client's state as JSON (secret versions with fingerprints only, rotations, alerts, intake):
 * what the admin page shows, for monitoring. Admin sessions only; partners and API keys get 404.
 */
export const GET = withAdmin(async () => Response.json(await getAppClientOverview()));
