import type { IncomingMessage, ServerResponse } from "node:http";
import type { SandboxContext } from "../context";
import type { App } from "../state/types";

export type ControlHandler = (ctx: SandboxContext, req: IncomingMessage, res: ServerResponse, params: Record<string, string>) => void | Promise<void>;

export interface ControlRoute {
  method: "GET" | "POST" | "DELETE";
  path: string;
  handle: ControlHandler;
}

/** The named app, or the default app when none is named. */
export function appOrDefault(ctx: SandboxContext, applicationId: string | undefined): App | undefined {
  return applicationId ? ctx.store.findApp(applicationId) : ctx.store.defaultApp();
}
