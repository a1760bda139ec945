import { gatewayHandler } from "@/lib/gateway/gateway-handler";

export const dynamic = "force-dynamic";

/**
 * The SP-API gateway: `…/api/v1/spapi/{authorizationId}` is an SDK's endpoint (README, "SP-API gateway").
 * On a Node server proxy.ts answers these requests with the same handler before Next's router; this route
 * serves them where it does not (Vercel) and is what the tests call.
 */
export const GET = gatewayHandler;
export const POST = gatewayHandler;
export const PUT = gatewayHandler;
export const PATCH = gatewayHandler;
export const DELETE = gatewayHandler;
