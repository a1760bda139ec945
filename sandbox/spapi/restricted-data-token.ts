import { z } from "zod";
import { hashSecret, newRestrictedDataToken } from "../ids";
import { parseJson } from "../http/body";
import type { RestrictedResource } from "../state/types";
import { invalidInput, type SpApiResult } from "./errors";
import type { Operation, OperationCall } from "./operation";
import { DATA_ELEMENTS, findRestrictedOperation } from "./restricted-resources";

export const RDT_LIFETIME_SECONDS = 3600;

/** `CreateRestrictedDataTokenRequest` of tokens_2021-03-01.json. */
const requestSchema = z.object({
  targetApplication: z.string().optional(),
  restrictedResources: z
    .array(
      z.object({
        method: z.enum(["GET", "PUT", "POST", "DELETE"]),
        path: z.string().startsWith("/", "must start with /"),
        dataElements: z.array(z.string()).optional(),
      }),
    )
    .min(1, "at least one restricted resource is required")
    .max(50, "at most 50 restricted resources are allowed"),
});

export type RdtRequestCheck = { ok: true; resources: RestrictedResource[] } | { ok: false; message: string; details?: string };

/** Validates a createRestrictedDataToken body: shape, restricted operations, and where dataElements may appear. */
export function checkRestrictedDataTokenRequest(body: unknown): RdtRequestCheck {
  const parsed = requestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: "Request is missing or has invalid parameters", details: `${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}` };
  }
  for (const resource of parsed.data.restrictedResources) {
    const operation = findRestrictedOperation(resource.method, resource.path);
    if (!operation) {
      return { ok: false, message: "Request is missing or has invalid parameters", details: `${resource.method} ${resource.path} is not a restricted resource` };
    }
    if (resource.dataElements && !operation.takesDataElements) {
      return { ok: false, message: "Request is missing or has invalid parameters", details: `dataElements are only allowed for Orders getOrder, getOrders and getOrderItems` };
    }
    const unknown = resource.dataElements?.find((element) => !(DATA_ELEMENTS as readonly string[]).includes(element));
    if (unknown) return { ok: false, message: "Request is missing or has invalid parameters", details: `Unknown dataElement ${unknown}` };
  }
  return { ok: true, resources: parsed.data.restrictedResources };
}

function createRestrictedDataToken(call: OperationCall): SpApiResult {
  if (call.caller.kind !== "partner") throw new Error("createRestrictedDataToken needs a partner token");
  const json = parseJson(call.body);
  if (!json.ok) return invalidInput("Request is missing or has invalid parameters", "The request body must be JSON");
  const check = checkRestrictedDataTokenRequest(json.value);
  if (!check.ok) return invalidInput(check.message, check.details);
  const token = newRestrictedDataToken();
  const { app, account, accessToken } = call.caller;
  call.ctx.store.data.restrictedDataTokens.push({
    hash: hashSecret(token),
    applicationId: app.applicationId,
    sellingPartnerId: account.sellingPartnerId,
    accessTokenHash: accessToken.hash,
    resources: check.resources,
    expiresAt: call.ctx.store.clock.now() + RDT_LIFETIME_SECONDS * 1000,
  });
  call.ctx.store.changed();
  return { status: 200, body: { restrictedDataToken: token, expiresIn: RDT_LIFETIME_SECONDS } };
}

export const tokensOperations: Operation[] = [
  {
    operationId: "createRestrictedDataToken",
    method: "POST",
    path: "/tokens/2021-03-01/restrictedDataToken",
    usagePlan: { rate: 1, burst: 10, header: "1" },
    auth: { kind: "partner" },
    handle: createRestrictedDataToken,
  },
];
