import { AppInputError, appInputSchema, upsertApp } from "../apps/app-input";
import { sendJson } from "../http/respond";
import { accountInputSchema, toAccount } from "../state/account-input";
import { readControlInput, sendControlError } from "./control-http";
import type { ControlRoute } from "./handler";
import { appView } from "./views";

export const appsAndAccountsRoutes: ControlRoute[] = [
  {
    method: "GET",
    path: "/_sandbox/apps",
    handle: (ctx, _req, res) => sendJson(res, 200, { apps: ctx.store.data.apps.map((app) => appView(app, ctx.store.clock.now())) }),
  },
  {
    /** Registers or updates an app; the answer shows the secrets this call set in full (the caller is its developer). */
    method: "POST",
    path: "/_sandbox/apps",
    handle: async (ctx, req, res) => {
      const input = await readControlInput(req, appInputSchema);
      try {
        const { app, created, secretValues } = upsertApp(ctx.store.data.apps, input, ctx.store.clock.now());
        ctx.store.changed();
        sendJson(res, created ? 201 : 200, { app: appView(app, ctx.store.clock.now(), secretValues), created });
      } catch (error) {
        if (!(error instanceof AppInputError)) throw error;
        sendControlError(res, 400, "invalid_input", error.message);
      }
    },
  },
  {
    method: "GET",
    path: "/_sandbox/accounts",
    handle: (ctx, _req, res) => sendJson(res, 200, { accounts: ctx.store.data.accounts }),
  },
  {
    /** Adds an account (or replaces the one with the same sellingPartnerId). */
    method: "POST",
    path: "/_sandbox/accounts",
    handle: async (ctx, req, res) => {
      const account = toAccount(await readControlInput(req, accountInputSchema));
      const accounts = ctx.store.data.accounts;
      const index = accounts.findIndex((candidate) => candidate.sellingPartnerId === account.sellingPartnerId);
      if (index === -1) accounts.push(account);
      else accounts[index] = account;
      ctx.store.changed();
      sendJson(res, index === -1 ? 201 : 200, { account });
    },
  },
];
