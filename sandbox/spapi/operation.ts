import type { IncomingMessage } from "node:http";
import type { SandboxContext } from "../context";
import type { GrantlessScope } from "../lwa/grant-client-credentials";
import type { Region } from "../state/marketplaces";
import type { Role } from "../state/roles";
import type { AccessTokenRecord, Account, App, RestrictedDataTokenRecord } from "../state/types";
import type { SpApiResult } from "./errors";
import type { HttpMethod } from "./generic/operations-file";

/** Which token an operation accepts in `x-amz-access-token`. */
export type TokenRequirement =
  | { kind: "partner"; accountType?: "seller" | "vendor" }
  | { kind: "grantless"; scope: GrantlessScope }
  /** A Restricted Data Token whose restricted resources cover the request. */
  | { kind: "restricted"; accountType?: "seller" | "vendor" };

export type Caller =
  | { kind: "partner"; app: App; account: Account; accessToken: AccessTokenRecord }
  | { kind: "grantless"; app: App; accessToken: AccessTokenRecord }
  | { kind: "restricted"; app: App; account: Account; rdt: RestrictedDataTokenRecord };

export interface OperationCall {
  ctx: SandboxContext;
  req: IncomingMessage;
  region: Region;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: string;
  caller: Caller;
}

/** An operation's default usage plan: a token bucket of `burst` refilled at `rate` requests per second. */
export interface UsagePlan {
  rate: number;
  burst: number;
  /** The `x-amzn-RateLimit-Limit` value Amazon returns for this operation. */
  header: string;
}

export interface Operation {
  operationId: string;
  method: HttpMethod;
  /** The real SP-API path, with `{param}` placeholders. */
  path: string;
  /** From the model's description; absent when the model publishes none (then no limit and no header). */
  usagePlan?: UsagePlan;
  auth: TokenRequirement;
  /** Any one of these roles, granted by the selling partner, allows the call; absent = no role check. */
  roles?: readonly Role[];
  handle(call: OperationCall): SpApiResult | Promise<SpApiResult>;
}

export function accountOf(caller: Caller): Account | undefined {
  return caller.kind === "grantless" ? undefined : caller.account;
}
