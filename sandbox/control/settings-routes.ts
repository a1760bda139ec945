import { z } from "zod";
import { toIso } from "../clock";
import { sendJson } from "../http/respond";
import { readControlInput } from "./control-http";
import type { ControlRoute } from "./handler";
import { stateSummary } from "./views";

const clockSchema = z.object({ advanceMs: z.number().int().min(0) });
const configSchema = z.object({
  rateLimits: z.boolean().optional(),
  notificationSinkUrl: z.url().nullable().optional(),
  requirePurchaseOrderTimeFrame: z.boolean().optional(),
});

export const settingsRoutes: ControlRoute[] = [
  {
    /** Back to the seed: apps, accounts, no tokens, faults, stats or notifications; clock offset 0. */
    method: "POST",
    path: "/_sandbox/reset",
    handle: (ctx, _req, res) => {
      ctx.store.reset();
      ctx.faults.clear();
      ctx.rateLimiter.clear();
      sendJson(res, 200, { reset: true, now: toIso(ctx.store.clock.now()) });
    },
  },
  { method: "GET", path: "/_sandbox/state", handle: (ctx, _req, res) => sendJson(res, 200, stateSummary(ctx)) },
  { method: "GET", path: "/_sandbox/stats", handle: (ctx, _req, res) => sendJson(res, 200, ctx.store.data.stats) },
  { method: "GET", path: "/_sandbox/requests", handle: (ctx, _req, res) => sendJson(res, 200, { requests: ctx.store.recentRequests }) },
  {
    method: "GET",
    path: "/_sandbox/clock",
    handle: (ctx, _req, res) => sendJson(res, 200, { now: toIso(ctx.store.clock.now()), nowMs: ctx.store.clock.now(), offsetMs: ctx.store.data.clockOffsetMs }),
  },
  {
    method: "POST",
    path: "/_sandbox/clock",
    handle: async (ctx, req, res) => {
      const input = await readControlInput(req, clockSchema);
      ctx.store.advanceClock(input.advanceMs);
      sendJson(res, 200, { now: toIso(ctx.store.clock.now()), nowMs: ctx.store.clock.now(), offsetMs: ctx.store.data.clockOffsetMs });
    },
  },
  { method: "GET", path: "/_sandbox/config", handle: (ctx, _req, res) => sendJson(res, 200, ctx.store.data.config) },
  {
    method: "POST",
    path: "/_sandbox/config",
    handle: async (ctx, req, res) => {
      const input = await readControlInput(req, configSchema);
      const config = ctx.store.data.config;
      if (input.rateLimits !== undefined) {
        config.rateLimits = input.rateLimits;
        ctx.rateLimiter.clear();
      }
      if (input.notificationSinkUrl !== undefined) config.notificationSinkUrl = input.notificationSinkUrl;
      if (input.requirePurchaseOrderTimeFrame !== undefined) config.requirePurchaseOrderTimeFrame = input.requirePurchaseOrderTimeFrame;
      ctx.store.changed();
      sendJson(res, 200, config);
    },
  },
  {
    method: "GET",
    path: "/_sandbox/notifications",
    handle: async (ctx, _req, res) => {
      await ctx.notifications.settled();
      sendJson(res, 200, { notifications: ctx.store.data.notifications, deliveries: ctx.store.data.deliveries });
    },
  },
  {
    method: "DELETE",
    path: "/_sandbox/notifications",
    handle: (ctx, _req, res) => {
      ctx.store.data.notifications = [];
      ctx.store.data.deliveries = [];
      ctx.store.changed();
      sendJson(res, 200, { notifications: [], deliveries: [] });
    },
  },
];
