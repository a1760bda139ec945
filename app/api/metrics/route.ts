import { readServerEnv } from "@/lib/env";
import { withBearerToken } from "@/lib/health/bearer-token";
import { renderMetrics } from "@/lib/monitoring/prometheus";

export const dynamic = "force-dynamic";

/** Prometheus scrape endpoint: `Authorization: Bearer $METRICS_TOKEN`; 404 while METRICS_TOKEN is unset. */
export const GET = withBearerToken(
  async () => {
    const { body, contentType } = await renderMetrics();
    return new Response(body, { status: 200, headers: { "content-type": contentType } });
  },
  { token: () => readServerEnv().METRICS_TOKEN },
);
