// `/_sandbox/sqs...`: inspect the sandbox's queues and put arbitrary messages into them (for tests: a
// notification for another client id, a malformed body, a duplicate).
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { ControlInputError, readControlInput, sendControlError } from "../control/control-http";
import type { SandboxContext } from "../context";
import { BodyTooLargeError } from "../http/body";
import { sendJson } from "../http/respond";
import { matchPath } from "../http/route";
import { type SqsQueue, type SqsQueues, SQS_LIMITS } from "./queues";

const appIdSchema = z.object({ applicationId: z.string().min(1).optional() });
const sendSchema = appIdSchema.extend({
  /** A string is sent as is; anything else as its JSON. */
  body: z.union([z.string().min(1), z.record(z.string(), z.unknown()), z.array(z.unknown())]),
  delaySeconds: z.number().int().min(0).max(SQS_LIMITS.maxDelaySeconds).optional(),
});
const configSchema = appIdSchema.extend({ visibilityTimeoutSeconds: z.number().int().min(0).max(SQS_LIMITS.maxVisibilityTimeoutSeconds) });

function queueFor(ctx: SandboxContext, sqs: SqsQueues, applicationId: string | undefined): SqsQueue | undefined {
  const id = applicationId ?? ctx.store.defaultApp()?.applicationId;
  return id ? sqs.forApp(id) : undefined;
}

interface Route {
  method: "GET" | "POST" | "DELETE";
  path: string;
  handle(ctx: SandboxContext, sqs: SqsQueues, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> | void;
}

const ROUTES: Route[] = [
  {
    /** Every app's queue with its URL, ARN and messages (bodies included: this is the developer's own queue). */
    method: "GET",
    path: "/_sandbox/sqs",
    handle: (_ctx, sqs, _req, res) => sendJson(res, 200, { queues: sqs.list().map((queue) => sqs.view(queue)) }),
  },
  {
    /** One app's queue (`?applicationId=`, default app otherwise): what to configure the consumer with. */
    method: "GET",
    path: "/_sandbox/sqs/queue",
    handle: (ctx, sqs, _req, res, url) => {
      const queue = queueFor(ctx, sqs, url.searchParams.get("applicationId") ?? undefined);
      if (!queue) return sendControlError(res, 404, "app_not_found", "No such application");
      sendJson(res, 200, sqs.view(queue));
    },
  },
  {
    method: "POST",
    path: "/_sandbox/sqs/send",
    handle: async (ctx, sqs, req, res) => {
      const input = await readControlInput(req, sendSchema);
      const queue = queueFor(ctx, sqs, input.applicationId);
      if (!queue) return sendControlError(res, 404, "app_not_found", "No such application");
      const body = typeof input.body === "string" ? input.body : JSON.stringify(input.body);
      const message = sqs.send(queue, body, { delaySeconds: input.delaySeconds, sender: "control" });
      sendJson(res, 200, { messageId: message.messageId, queueUrl: sqs.url(queue) });
    },
  },
  {
    /** Sets the queue's default visibility timeout (a consumer may still pass its own on ReceiveMessage). */
    method: "POST",
    path: "/_sandbox/sqs/config",
    handle: async (ctx, sqs, req, res) => {
      const input = await readControlInput(req, configSchema);
      const queue = queueFor(ctx, sqs, input.applicationId);
      if (!queue) return sendControlError(res, 404, "app_not_found", "No such application");
      queue.visibilityTimeoutSeconds = input.visibilityTimeoutSeconds;
      sendJson(res, 200, sqs.view(queue));
    },
  },
  {
    /** Empties every queue. */
    method: "DELETE",
    path: "/_sandbox/sqs",
    handle: (_ctx, sqs, _req, res) => {
      const purged = sqs.list().reduce((sum, queue) => sum + sqs.purge(queue), 0);
      sendJson(res, 200, { purged });
    },
  },
];

/** Handles `/_sandbox/sqs...`; answers false when the path is not one of these routes. */
export async function handleSqsControl(ctx: SandboxContext, sqs: SqsQueues, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const pathname = url.pathname.replace(/\/+$/, "");
  const method = req.method ?? "GET";
  const matching = ROUTES.filter((route) => matchPath(route.path, pathname));
  if (matching.length === 0) return false;
  const route = matching.find((candidate) => candidate.method === method);
  if (!route) {
    sendControlError(res, 405, "method_not_allowed", `${method} is not supported on ${pathname}`);
    return true;
  }
  try {
    await route.handle(ctx, sqs, req, res, url);
  } catch (error) {
    if (error instanceof ControlInputError) sendControlError(res, 400, "invalid_input", error.message);
    else if (error instanceof BodyTooLargeError) sendControlError(res, 413, "too_large", "The request body is too large");
    else throw error;
  }
  return true;
}
