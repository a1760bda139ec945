// Inngest's door: it calls here to learn Latchkey's functions and to run their steps (requests signed
// with INNGEST_SIGNING_KEY outside dev mode). Without Inngest configured the functions run in-process
// and this route answers 404.
import { serve } from "inngest/next";
import { inngest } from "@/lib/workflows/inngest-client";
import { inngestFunctions } from "@/inngest/functions";
import { requestIdFrom } from "@/lib/http/request-id";
import { readServerEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { inngestConnection } from "@/lib/workflows/mode";

const handler = serve({ client: inngest, functions: inngestFunctions });

type RouteHandler = (request: Request, context: unknown) => Promise<Response>;

function whenConfigured(route: RouteHandler): RouteHandler {
  return async (request, context) => {
    if (inngestConnection(readServerEnv()).mode !== "inngest") return errorResponse(new AppError("not_found"), requestIdFrom(request.headers));
    return route(request, context);
  };
}

export const GET = whenConfigured(handler.GET as RouteHandler);
export const POST = whenConfigured(handler.POST as RouteHandler);
export const PUT = whenConfigured(handler.PUT as RouteHandler);
