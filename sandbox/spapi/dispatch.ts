import type { IncomingMessage, ServerResponse } from "node:http";
import { applyFaults } from "../control/apply-faults";
import type { SandboxContext } from "../context";
import { BodyTooLargeError, header, readBody } from "../http/body";
import { sendEmpty, sendJson, type Headers } from "../http/respond";
import { newUuid } from "../ids";
import { parseRegion, type Region } from "../state/marketplaces";
import type { Stats } from "../state/types";
import { authenticate } from "./authenticate";
import { rolesAllow } from "./check-roles";
import { internalFailure, quotaExceeded, routeNotFound, spapiError, unauthorized, type SpApiResult } from "./errors";
import type { Operation } from "./operation";
import { findOperation } from "./operations";

/** AMAZON.md: the User-Agent is at most 500 characters. */
const MAX_USER_AGENT_LENGTH = 500;
const MAX_DISTINCT_USER_AGENTS = 100;

function increment(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function countCall(stats: Stats, operationId: string, status: string, userAgent: string | undefined): void {
  const spapi = stats.spapi;
  spapi.total += 1;
  increment(spapi.byStatus, status);
  const operation = (spapi.byOperation[operationId] ??= { total: 0, byStatus: {} });
  operation.total += 1;
  increment(operation.byStatus, status);
  if (userAgent !== undefined) {
    const value = userAgent.slice(0, MAX_USER_AGENT_LENGTH);
    if (value in spapi.userAgents || Object.keys(spapi.userAgents).length < MAX_DISTINCT_USER_AGENTS) increment(spapi.userAgents, value);
    spapi.lastUserAgent = value;
  }
}

function send(res: ServerResponse, result: SpApiResult, headers: Headers): void {
  const all = { ...result.headers, ...headers };
  if (result.body === undefined) sendEmpty(res, result.status, all);
  else sendJson(res, result.status, result.body, all);
}

/** Method + template, not the operationId: several APIs reuse operation names (getOrder, getAccount). */
function rateLimitKey(operation: Operation, applicationId: string, sellingPartnerId: string | undefined): string {
  return `${applicationId}|${sellingPartnerId ?? "grantless"}|${operation.method} ${operation.path}`;
}

async function run(ctx: SandboxContext, req: IncomingMessage, region: Region, operation: Operation, params: Record<string, string>, path: string, query: URLSearchParams): Promise<SpApiResult> {
  const method = req.method ?? "GET";
  const auth = authenticate(ctx, operation, region, header(req, "x-amz-access-token"), method, path);
  if (!auth.ok) return auth.result;
  const caller = auth.caller;
  if (!rolesAllow(operation, caller)) return unauthorized();
  const plan = operation.usagePlan;
  if (ctx.store.data.config.rateLimits && plan) {
    const sellingPartnerId = caller.kind === "grantless" ? undefined : caller.account.sellingPartnerId;
    const allowed = ctx.rateLimiter.tryTake(rateLimitKey(operation, caller.app.applicationId, sellingPartnerId), plan.rate, plan.burst, ctx.store.clock.now());
    if (!allowed) return quotaExceeded();
  }
  let body = "";
  if (method !== "GET" && method !== "DELETE") {
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return spapiError(413, "RequestEntityTooLarge", "The request size exceeded the maximum accepted size.");
      throw error;
    }
  }
  return operation.handle({ ctx, req, region, path, params, query, body, caller });
}

/** Everything under `/spapi/{na|eu|fe}/...`: the three regional SP-API hosts on one port. */
export async function handleSpApi(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const match = /^\/spapi\/([^/]+)(\/.*)?$/.exec(url.pathname);
  const region = parseRegion(match?.[1] ?? "");
  const path = match?.[2] ?? "/";
  const found = region ? findOperation(req.method ?? "GET", path) : undefined;
  const operationId = found?.operation.operationId ?? "(unknown)";
  const userAgent = header(req, "user-agent");
  const headers: Headers = { "x-amzn-RequestId": newUuid() };
  if (found?.operation.usagePlan) headers["x-amzn-RateLimit-Limit"] = found.operation.usagePlan.header;

  res.on("close", () => {
    countCall(ctx.store.data.stats, operationId, res.headersSent ? String(res.statusCode) : "no-response", userAgent);
    ctx.store.changed();
  });

  const outcome = await applyFaults(ctx, found ? ["spapi", `spapi:${found.operation.operationId}`] : ["spapi"], res, (kind, status) => {
    if (kind === "5xx") send(res, internalFailure(status), headers);
    else if (kind === "429") send(res, { ...quotaExceeded(), status }, headers);
    // A success in a shape no model describes (a broken proxy, an API change): the client must not believe it.
    else if (kind === "malformed") send(res, { status, body: { payload: "malformed" } }, headers);
    // An injected invalid_grant shows on SP-API the way a revocation does: 403 Unauthorized.
    else send(res, { ...unauthorized(), status: status === 400 ? 403 : status }, headers);
  });
  if (outcome === "handled") return;

  if (!region || !found) {
    send(res, routeNotFound(), headers);
    return;
  }
  const result = await run(ctx, req, region, found.operation, found.params, path, url.searchParams);
  send(res, result, headers);
}
