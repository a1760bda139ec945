import { z } from "zod";
import { sendJson } from "../http/respond";
import { issueAuthorizationCode } from "../lwa/authorization-codes";
import { selfAuthorize } from "../self-auth/self-authorize";
import { readControlInput, sendControlError } from "./control-http";
import { appOrDefault, type ControlRoute } from "./handler";

const pairSchema = z.object({ sellingPartnerId: z.string().min(1), applicationId: z.string().min(1).optional() });
const codeSchema = pairSchema.extend({ redirectUri: z.string().optional() });

export const authorizationRoutes: ControlRoute[] = [
  {
    /** Revokes every refresh token of the (app, selling partner) pair, as a partner does in "Manage Your Apps". */
    method: "POST",
    path: "/_sandbox/revoke",
    handle: async (ctx, req, res) => {
      const input = await readControlInput(req, pairSchema);
      const app = appOrDefault(ctx, input.applicationId);
      if (!app) return sendControlError(res, 404, "app_not_found", "No such application");
      const now = ctx.store.clock.now();
      let revoked = 0;
      for (const token of ctx.store.data.refreshTokens) {
        if (token.applicationId === app.applicationId && token.sellingPartnerId === input.sellingPartnerId && token.revokedAt === undefined) {
          token.revokedAt = now;
          revoked += 1;
        }
      }
      ctx.store.changed();
      sendJson(res, 200, { applicationId: app.applicationId, sellingPartnerId: input.sellingPartnerId, revoked });
    },
  },
  {
    /** Self-authorization without the HTML page: returns a new refresh token. */
    method: "POST",
    path: "/_sandbox/self-authorize",
    handle: async (ctx, req, res) => {
      const input = await readControlInput(req, pairSchema);
      const app = appOrDefault(ctx, input.applicationId);
      const account = ctx.store.findAccount(input.sellingPartnerId);
      if (!app) return sendControlError(res, 404, "app_not_found", "No such application");
      if (!account) return sendControlError(res, 404, "account_not_found", "No such selling partner");
      const result = selfAuthorize(ctx.store, app, account);
      if (!result.ok) return sendControlError(res, 409, "self_authorization_limit", "Draft and private applications can be self-authorized at most 10 times per account");
      sendJson(res, 200, { refreshToken: result.refreshToken, applicationId: app.applicationId, sellingPartnerId: account.sellingPartnerId, selfAuthorizations: result.count });
    },
  },
  {
    /** An `spapi_oauth_code` as if the partner had confirmed the consent page (for tests that skip the HTML). */
    method: "POST",
    path: "/_sandbox/authorization-codes",
    handle: async (ctx, req, res) => {
      const input = await readControlInput(req, codeSchema);
      const app = appOrDefault(ctx, input.applicationId);
      const account = ctx.store.findAccount(input.sellingPartnerId);
      if (!app) return sendControlError(res, 404, "app_not_found", "No such application");
      if (!account) return sendControlError(res, 404, "account_not_found", "No such selling partner");
      const redirectUri = input.redirectUri ?? app.redirectUris[0];
      if (!redirectUri || !app.redirectUris.includes(redirectUri)) return sendControlError(res, 400, "redirect_uri_mismatch", "redirectUri is not registered for the app (MD5101)");
      const code = issueAuthorizationCode(ctx.store, app, account.sellingPartnerId, redirectUri, "website");
      sendJson(res, 200, { code, redirectUri, applicationId: app.applicationId, sellingPartnerId: account.sellingPartnerId });
    },
  },
];
