import { NextResponse } from "next/server";
import { getSystemStatus } from "@/lib/system/status";

export const dynamic = "force-dynamic";

/** Liveness and readiness for load balancers and the Docker HEALTHCHECK. */
export async function GET() {
  const status = await getSystemStatus();
  return NextResponse.json(status, { status: status.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
