import "server-only";
import { checkLiveness, LIVENESS_INTERVAL_MINUTES } from "@/lib/tokens/check-liveness";
import { REFRESH_SWEEP_INTERVAL_MINUTES, sweepRefreshAhead } from "@/lib/tokens/sweep-refresh-ahead";
import { onCron } from "../workflow";

/**
 * Every 5 minutes: the tokens of authorizations used recently (REFRESH_SWEEP_USED_WITHIN_HOURS) that are
 * missing or would enter the refresh margin before the next run are refreshed ahead, so workers rarely wait on LWA.
 */
export const refreshAheadSweep = onCron(
  { id: "refresh-ahead-sweep", name: "Refresh tokens ahead of expiry", cron: `*/${REFRESH_SWEEP_INTERVAL_MINUTES} * * * *` },
  async (_now, step) => step.run("sweep-refresh-ahead", () => sweepRefreshAhead()),
);

/**
 * Every 10 minutes: a slice of the live authorizations not refreshed for a day gets one LWA refresh, so a
 * revocation is found within a day (and goes through the state machine: email, alert, audit).
 */
export const livenessCheck = onCron(
  { id: "authorization-liveness-check", name: "Daily liveness check of idle authorizations", cron: `*/${LIVENESS_INTERVAL_MINUTES} * * * *` },
  async (now, step) => step.run("check-liveness", () => checkLiveness({ now })),
);
