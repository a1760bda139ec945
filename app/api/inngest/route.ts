// Inngest's door: it calls here to learn Latchkey's functions and to run their steps (requests signed
// with INNGEST_SIGNING_KEY outside dev mode). Without Inngest configured the functions run in-process
// and this route answers 404.
import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { inngestFunctions } from "@/inngest/functions";
import { readServerEnv } from "@/lib/env";
import { AppError, toErrorResponse } from "@/lib/errors";
import { requestIdFrom } from "@/lib/auth/request-id";
import { inngestConnection } from "@/lib/workflows/mode";

const handler = serve({ client: inngest, functions: inngestFunctions });

type RouteHandler = (request: Request, context: unknown) => Promise<Response>;

function whenConfigured(route: RouteHandler): RouteHandler {
  return async (request, context) => {
    if (inngestConnection(readServerEnv()).mode !== "inngest") {
      const { status, body } = toErrorResponse(new AppError("not_found"), requestIdFrom(request.headers));
      return Response.json(body, { status });
    }
    return route(request, context);
  };
}

export const GET = whenConfigured(handler.GET as RouteHandler);
export const POST = whenConfigured(handler.POST as RouteHandler);
export const PUT = whenConfigured(handler.PUT as RouteHandler);
