import "server-only";
// Alert rule thresholds come from the environment (lib/env.ts, README "Configuration"), read on every
// evaluation so a restart with new values takes effect at the next run.
import { readServerEnv } from "@/lib/env";

export interface AlertSettings {
  /** 401s for one tenant within `window401Minutes` that fire the spike alert (count ≥ threshold). */
  threshold401: number;
  window401Minutes: number;
  /** The same for 403s (scopes, roles, vendor link) and 429s (usage plan). */
  threshold403: number;
  window403Minutes: number;
  threshold429: number;
  window429Minutes: number;
  /** Consecutive failed refreshes of one authorization. */
  refreshFailures: number;
  clientSecretDays: number;
  renewalDays: number;
  chargeMethodDays: number;
  scopeDriftHours: number;
}

export function readAlertSettings(): AlertSettings {
  const env = readServerEnv();
  return {
    threshold401: env.ALERT_401_THRESHOLD,
    window401Minutes: env.ALERT_401_WINDOW_MINUTES,
    threshold403: env.ALERT_403_THRESHOLD,
    window403Minutes: env.ALERT_403_WINDOW_MINUTES,
    threshold429: env.ALERT_429_THRESHOLD,
    window429Minutes: env.ALERT_429_WINDOW_MINUTES,
    refreshFailures: env.ALERT_REFRESH_FAILURES,
    clientSecretDays: env.ALERT_CLIENT_SECRET_DAYS,
    renewalDays: env.ALERT_RENEWAL_DAYS,
    chargeMethodDays: env.ALERT_CHARGE_METHOD_DAYS,
    scopeDriftHours: env.ALERT_SCOPE_DRIFT_HOURS,
  };
}
