// Which requests are the gateway's, and their route params as Next.js would pass them to
// app/api/v1/spapi/[authorizationId]/[...path]/route.ts. No server-only imports: proxy.ts reads this for
// every request before it decides to load the gateway.

/** The methods the gateway forwards (the route's exports). */
export const GATEWAY_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type GatewayMethod = (typeof GATEWAY_METHODS)[number];

export type GatewayParams = {
  authorizationId: string;
  /** The Amazon path's segments, decoded. */
  path: string[];
};

const GATEWAY_PATHNAME = /^\/api\/v1\/spapi\/([^/]+)\/(.+)$/;

export function isGatewayMethod(method: string): method is GatewayMethod {
  return (GATEWAY_METHODS as readonly string[]).includes(method);
}

/**
 * The params of a gateway request, or null when the path is not one (the catch-all needs at least one
 * segment after the authorization) or a segment does not decode.
 */
export function gatewayParamsOf(pathname: string): GatewayParams | null {
  const match = GATEWAY_PATHNAME.exec(pathname);
  if (!match) return null;
  const path = match[2]!.split("/").filter(Boolean);
  if (path.length === 0) return null;
  try {
    return { authorizationId: decodeURIComponent(match[1]!), path: path.map(decodeURIComponent) };
  } catch {
    return null;
  }
}
