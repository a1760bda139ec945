import type { IncomingMessage, ServerResponse } from "node:http";
import type { SandboxContext } from "../context";
import { BodyTooLargeError } from "../http/body";
import { matchPath } from "../http/route";
import { appsAndAccountsRoutes } from "./apps-accounts";
import { authorizationRoutes } from "./authorizations";
import { clientSecretRoutes } from "./client-secret-routes";
import { ControlInputError, sendControlError } from "./control-http";
import { faultRoutes } from "./fault-routes";
import type { ControlRoute } from "./handler";
import { settingsRoutes } from "./settings-routes";

const ROUTES: readonly ControlRoute[] = [...settingsRoutes, ...appsAndAccountsRoutes, ...authorizationRoutes, ...clientSecretRoutes, ...faultRoutes];

/** `/_sandbox/...`: the JSON control API for tests and demos. */
export async function handleControl(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method ?? "GET";
  const pathname = url.pathname.replace(/\/+$/, "");
  let pathMatched = false;
  for (const route of ROUTES) {
    const params = matchPath(route.path, pathname);
    if (!params) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    try {
      await route.handle(ctx, req, res, params);
    } catch (error) {
      if (error instanceof ControlInputError) return sendControlError(res, 400, "invalid_input", error.message);
      if (error instanceof BodyTooLargeError) return sendControlError(res, 413, "too_large", "The request body is too large");
      throw error;
    }
    return;
  }
  if (pathMatched) return sendControlError(res, 405, "method_not_allowed", `${method} is not supported on ${pathname}`);
  sendControlError(res, 404, "not_found", `No control route ${pathname}`);
}
