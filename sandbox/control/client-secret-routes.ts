import { z } from "zod";
import { currentSecret, previousSecret } from "../apps/client-secrets";
import { rotateAndNotify, sendExpiryWarning } from "../apps/rotate-and-notify";
import { toIso } from "../clock";
import { sendJson } from "../http/respond";
import { readControlInput, sendControlError } from "./control-http";
import { appOrDefault, type ControlRoute } from "./handler";
import { appView } from "./views";

const appIdSchema = z.object({ applicationId: z.string().min(1).optional() });
const expireSchema = appIdSchema.extend({ which: z.enum(["current", "previous"]) });

export const clientSecretRoutes: ControlRoute[] = [
  {
    /** Makes the current or previous secret expire now (token calls with it then fail with invalid_client). */
    method: "POST",
    path: "/_sandbox/client-secret/expire",
    handle: async (ctx, req, res) => {
      const input = await readControlInput(req, expireSchema);
      const app = appOrDefault(ctx, input.applicationId);
      if (!app) return sendControlError(res, 404, "app_not_found", "No such application");
      const secret = input.which === "current" ? currentSecret(app) : previousSecret(app);
      if (!secret) return sendControlError(res, 409, "no_such_secret", `The app has no ${input.which} secret`);
      secret.expiresAt = ctx.store.clock.now();
      ctx.store.changed();
      sendJson(res, 200, { app: appView(app, ctx.store.clock.now()) });
    },
  },
  {
    /** Same effect as `POST /applications/2023-11-30/clientSecret`, without token, rate limit or queue check. */
    method: "POST",
    path: "/_sandbox/client-secret/rotate",
    handle: async (ctx, req, res) => {
      const input = await readControlInput(req, appIdSchema);
      const app = appOrDefault(ctx, input.applicationId);
      if (!app) return sendControlError(res, 404, "app_not_found", "No such application");
      const { rotation, delivered } = rotateAndNotify(ctx, app);
      await delivered;
      sendJson(res, 200, {
        applicationId: app.applicationId,
        clientId: app.clientId,
        newClientSecret: rotation.newSecret.value,
        newClientSecretExpiryTime: toIso(rotation.newSecret.expiresAt),
        oldClientSecretExpiryTime: toIso(rotation.oldSecretExpiresAt),
      });
    },
  },
  {
    /** Sends `APPLICATION_OAUTH_CLIENT_SECRET_EXPIRY` for the current secret. */
    method: "POST",
    path: "/_sandbox/client-secret/expiry-warning",
    handle: async (ctx, req, res) => {
      const input = await readControlInput(req, appIdSchema);
      const app = appOrDefault(ctx, input.applicationId);
      if (!app) return sendControlError(res, 404, "app_not_found", "No such application");
      const delivered = sendExpiryWarning(ctx, app);
      if (!delivered) return sendControlError(res, 409, "no_such_secret", "The app has no client secret");
      await delivered;
      sendJson(res, 200, { notification: ctx.store.data.notifications.at(-1) });
    },
  },
];
