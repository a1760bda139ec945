import { sendJson } from "../http/respond";
import { readControlInput, sendControlError } from "./control-http";
import { faultInputSchema } from "./faults";
import type { ControlRoute } from "./handler";

export const faultRoutes: ControlRoute[] = [
  {
    method: "POST",
    path: "/_sandbox/faults",
    handle: async (ctx, req, res) => {
      const fault = ctx.faults.add(await readControlInput(req, faultInputSchema), ctx.store.clock.now());
      sendJson(res, 201, { id: fault.id, fault });
    },
  },
  { method: "GET", path: "/_sandbox/faults", handle: (ctx, _req, res) => sendJson(res, 200, { faults: ctx.faults.list() }) },
  {
    method: "DELETE",
    path: "/_sandbox/faults",
    handle: (ctx, _req, res) => {
      ctx.faults.clear();
      sendJson(res, 200, { faults: [] });
    },
  },
  {
    method: "DELETE",
    path: "/_sandbox/faults/{id}",
    handle: (ctx, _req, res, params) => {
      if (!ctx.faults.remove(params.id ?? "")) return sendControlError(res, 404, "fault_not_found", "No such fault");
      sendJson(res, 200, { deleted: params.id });
    },
  },
];
