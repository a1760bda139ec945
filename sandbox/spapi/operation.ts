import type { IncomingMessage } from "node:http";
import type { SandboxContext } from "../context";
import type { GrantlessScope } from "../lwa/grant-client-credentials";
import type { Region } from "../state/marketplaces";
import type { AccessTokenRecord, Account, App, RestrictedDataTokenRecord } from "../state/types";
import type { SpApiResult } from "./errors";

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

export interface Operation {
  operationId: string;
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** The real SP-API path, with `{param}` placeholders. */
  path: string;
  /** Requests per second and burst of the default usage plan (from the model's description). */
  rate: number;
  burst: number;
  /** The `x-amzn-RateLimit-Limit` value Amazon returns for this operation. */
  rateLimitHeader: string;
  auth: TokenRequirement;
  handle(call: OperationCall): SpApiResult | Promise<SpApiResult>;
}

export function accountOf(caller: Caller): Account | undefined {
  return caller.kind === "grantless" ? undefined : caller.account;
}
