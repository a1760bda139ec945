import { NextResponse } from "next/server";
import { publicRoute } from "@/lib/http/route-handler";
import { getSystemStatus } from "@/lib/system/status";

export const dynamic = "force-dynamic";

/** Liveness and readiness for load balancers and the Docker HEALTHCHECK. */
export const GET = publicRoute(async () => {
  const status = await getSystemStatus();
  return NextResponse.json(status, { status: status.ok ? 200 : 503 });
});
