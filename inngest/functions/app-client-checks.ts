import "server-only";
import { checkAppClientExpiries } from "@/lib/lifecycle/check-app-client-expiries";
import { runClientSecretChecks } from "@/lib/app-client/rotation/run-client-secret-checks";
import { appClientBillingUpdated } from "@/lib/workflows/events";
import { onCron, onEvent } from "../workflow";

/** Every 10 minutes: overdue client-secret rotations are flagged, and a secret close to expiry is rotated. */
export const clientSecretChecks = onCron({ id: "client-secret-checks", name: "Client-secret rotation checks", cron: "*/10 * * * *" }, async (now, step) =>
  step.run("check-app-client-secret", () => runClientSecretChecks(now)),
);

/** Daily: the admins' reminders about the client secret's and the charge method's expiry. */
export const appClientExpiryReminders = onCron({ id: "app-client-expiry-reminders", name: "Client-secret and charge-method expiry reminders", cron: "TZ=UTC 0 7 * * *" }, async (now, step) =>
  step.run("remind-app-client-expiries", () => checkAppClientExpiries(now)),
);

/** When an admin records a new charge-method expiry, a reminder that is already due goes out now. */
export const appClientBillingChanged = onEvent(
  { id: "app-client-billing-updated", name: "Re-check charge-method reminders", event: appClientBillingUpdated },
  async (event, step) => step.run(`remind-app-client-${event.data.appClientId}`, () => checkAppClientExpiries(new Date())),
);
