import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseAppInput, type AppInput } from "./apps/app-input";
import { defaultAppInput } from "./config/default-app";
import { requestLoggingEnabledByEnv } from "./config/env";
import { handleConsentRoutes } from "./consent/routes";
import type { SandboxContext } from "./context";
import { FaultRegistry } from "./control/faults";
import { handleControl } from "./control/router";
import { stateSummary } from "./control/views";
import { sendEmpty, sendJson } from "./http/respond";
import { handleTokenEndpoint } from "./lwa/token-endpoint";
import { NotificationDeliverer } from "./notifications/deliver";
import { handleIndexPage } from "./pages/index-page";
import { handleSpApi } from "./spapi/dispatch";
import { RateLimiter } from "./spapi/token-bucket";
import { handleSqsControl } from "./sqs/control-routes";
import { handleSqsRequest, isSqsRequest } from "./sqs/json-protocol";
import { SqsQueues } from "./sqs/queues";
import { SandboxStore } from "./state/store";
import type { StateData } from "./state/types";

export interface SandboxOptions {
  /** 0 = a random free port. Default 0. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** JSON file the state is persisted to; absent = memory only. */
  stateFile?: string;
  /** The always-registered default app (defaults to the documented sandbox app). */
  defaultApp?: AppInput;
  /** Overrides the default app's redirect URIs (e.g. the app's own callback URL in `npm run dev`). */
  redirectUris?: string[];
  /** Overrides the default app's log-in URI. */
  loginUri?: string;
  /** More apps to register (an app with the default app's applicationId replaces it). */
  apps?: AppInput[];
  /** The base URL browsers and the app use to reach the sandbox (default `http://{host}:{port}`). */
  publicUrl?: string;
  /** Clock injection for tests; the control API's clock offset is added on top. */
  now?: () => number;
  /** Where rotation notifications are POSTed (also settable with `POST /_sandbox/config`). */
  notificationSinkUrl?: string;
  /** SP-API rate limiting, default on. */
  rateLimits?: boolean;
  /** One log line per request; default on unless NODE_ENV=test or SANDBOX_QUIET=1. A function receives the lines. */
  logRequests?: boolean | ((line: string) => void);
}

/** Live access to the sandbox state for tests running in the same process. */
export interface SandboxStateHandle {
  /** The live state (read it; change it through the control API). */
  readonly data: StateData;
  now(): number;
  advanceClock(ms: number): void;
  reset(): void;
  /** Resolves when notification deliveries in flight have finished. */
  notificationsSettled(): Promise<void>;
}

export interface Sandbox {
  url: string;
  port: number;
  close(): Promise<void>;
  state: SandboxStateHandle;
}

function isUnder(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

async function route(ctx: SandboxContext, sqs: SqsQueues, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const { pathname } = url;
  // The SQS JSON protocol: the SDK posts to its endpoint's path (`/sqs/`) or, following a queue URL, to `/`.
  if (isSqsRequest(req)) return handleSqsRequest(sqs, req, res, ctx.closing);
  if (pathname === "/auth/o2/token") {
    if (req.method === "POST") return handleTokenEndpoint(ctx, req, res);
    return sendJson(res, 405, { error: "invalid_request", error_description: "The token endpoint accepts POST only" }, { allow: "POST" });
  }
  if (isUnder(pathname, "/spapi")) return handleSpApi(ctx, req, res, url);
  if (isUnder(pathname, "/sellercentral") || isUnder(pathname, "/vendorcentral") || isUnder(pathname, "/appstore")) return handleConsentRoutes(ctx, req, res, url);
  if (isUnder(pathname, "/_sandbox/sqs") && (await handleSqsControl(ctx, sqs, req, res, url))) return;
  if (pathname === "/_sandbox/state" && req.method === "GET") {
    const queues = sqs.list().map((queue) => ({ applicationId: queue.applicationId, url: sqs.url(queue), arn: sqs.arn(queue), messages: queue.messages.length }));
    return sendJson(res, 200, { ...stateSummary(ctx), sqs: queues });
  }
  if (pathname === "/_sandbox/reset" && req.method === "POST") sqs.reset();
  if (isUnder(pathname, "/_sandbox")) return handleControl(ctx, req, res, url);
  if (pathname === "/" && req.method === "GET") return handleIndexPage(ctx, res);
  if (pathname === "/favicon.ico") return sendEmpty(res, 204);
  sendJson(res, 404, { error: { code: "not_found", message: `Nothing at ${pathname}` } });
}

function logger(option: SandboxOptions["logRequests"]): ((line: string) => void) | undefined {
  if (typeof option === "function") return option;
  const enabled = option ?? requestLoggingEnabledByEnv();
  return enabled ? (line) => console.log(line) : undefined;
}

/** Starts the Amazon simulator on one port: LWA, SP-API (per region), consent pages and the control API. */
export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? "127.0.0.1";
  const defaultApp = parseAppInput({
    ...(options.defaultApp ?? defaultAppInput()),
    ...(options.redirectUris ? { redirectUris: options.redirectUris } : {}),
    ...(options.loginUri ? { loginUri: options.loginUri } : {}),
  });
  const apps = [defaultApp, ...(options.apps ?? []).map((app) => parseAppInput(app))];
  const warn = (message: string) => console.warn(`[sandbox] ${message}`);
  const store = new SandboxStore({
    baseNow: options.now ?? Date.now,
    ...(options.stateFile ? { stateFile: options.stateFile } : {}),
    apps,
    defaultApplicationId: defaultApp.applicationId,
    config: { rateLimits: options.rateLimits ?? true, notificationSinkUrl: options.notificationSinkUrl ?? null, requirePurchaseOrderTimeFrame: true },
    warn,
  });
  const closing = new AbortController();
  const faults = new FaultRegistry();
  let publicUrl = options.publicUrl?.replace(/\/+$/, "") ?? "";
  const sqs = new SqsQueues(
    () => store.clock.now(),
    () => store.data.apps.map((app) => app.applicationId),
    () => publicUrl,
  );
  const ctx: SandboxContext = {
    store,
    faults,
    rateLimiter: new RateLimiter(),
    notifications: new NotificationDeliverer(store, closing.signal, {
      enqueue: (envelope) => {
        const queue = sqs.forApp(envelope.notificationMetadata.applicationId);
        if (!queue) return false;
        sqs.send(queue, JSON.stringify(envelope), { sender: "sandbox" });
        return true;
      },
    }),
    publicUrl: () => publicUrl,
    closing: closing.signal,
    warn,
  };
  const log = logger(options.logRequests);

  const server = createServer((req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? "/", "http://sandbox.invalid");
    res.on("close", () => {
      const durationMs = Math.round(performance.now() - started);
      const status = res.headersSent ? res.statusCode : 0;
      const userAgent = req.headers["user-agent"];
      store.recordRequest({ at: store.clock.now(), method: req.method ?? "GET", path: url.pathname, status, durationMs, ...(userAgent ? { userAgent } : {}) });
      log?.(`${req.method ?? "GET"} ${url.pathname} ${status === 0 ? "(no response)" : status} ${durationMs}ms`);
    });
    route(ctx, sqs, req, res, url).catch((error: unknown) => {
      warn(`request failed: ${req.method ?? "GET"} ${url.pathname}: ${error instanceof Error ? error.message : "unknown error"}`);
      sendJson(res, 500, { error: { code: "internal", message: "The sandbox failed to handle this request" } });
    });
  });

  // Idle keep-alive connections stay open a minute, as Amazon's do. Node's 5 s default races clients that
  // reuse a connection just as the server drops it (fetch fails with ECONNRESET), which a loaded machine hits.
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  if (!publicUrl) publicUrl = url;

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= new Promise<void>((resolve) => {
      closing.abort();
      faults.clear();
      store.flush();
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closed;
  };

  return {
    url,
    port,
    close,
    state: {
      get data() {
        return store.data;
      },
      now: () => store.clock.now(),
      advanceClock: (ms) => store.advanceClock(ms),
      reset: () => {
        store.reset();
        sqs.reset();
        faults.clear();
        ctx.rateLimiter.clear();
      },
      notificationsSettled: () => ctx.notifications.settled(),
    },
  };
}
