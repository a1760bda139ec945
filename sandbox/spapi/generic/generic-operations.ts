import { parseJson } from "../../http/body";
import type { GrantlessScope } from "../../lwa/grant-client-credentials";
import { spapiError, type SpApiResult } from "../errors";
import type { Operation, OperationCall, TokenRequirement } from "../operation";
import { findRestrictedOperation } from "../restricted-resources";
import { chooseExample } from "./match-example";
import { generatedOperations, type GeneratedOperation } from "./operations-file";
import { rolesForApi } from "./role-mappings";

/** The only grantless API outside Notifications is the Application Management API (client-secret rotation). */
function grantlessScope(api: string): GrantlessScope {
  return api.startsWith("application_") ? "sellingpartnerapi::client_credential:rotation" : "sellingpartnerapi::notifications";
}

/**
 * The token an operation takes: grantless when its description says so; an RDT when it is one of the
 * restricted operations (the same list createRestrictedDataToken accepts); otherwise the partner's access
 * token. Vendor APIs take a vendor group's token only.
 */
function tokenRequirement(operation: GeneratedOperation): TokenRequirement {
  if (operation.grantless) return { kind: "grantless", scope: grantlessScope(operation.api) };
  const accountType = operation.api.startsWith("vendor") ? "vendor" : undefined;
  const kind = findRestrictedOperation(operation.method, operation.path) ? "restricted" : "partner";
  return accountType ? { kind, accountType } : { kind };
}

/** Answers with the model's static example that matches the request (see `chooseExample`). */
function answerFromExamples(operation: GeneratedOperation, call: OperationCall): SpApiResult {
  const json = call.body ? parseJson(call.body) : undefined;
  const example = chooseExample(operation.examples, { params: call.params, query: call.query, body: json?.ok ? json.value : undefined });
  if (!example) return spapiError(404, "NotFound", "The requested resource was not found.", `The models have no static sandbox example for ${operation.operationId}`);
  const empty = example.response === undefined || example.response === "";
  return { status: example.status, ...(empty ? {} : { body: example.response }), ...(example.headers ? { headers: example.headers } : {}) };
}

function toOperation(operation: GeneratedOperation): Operation {
  const roles = operation.grantless ? undefined : rolesForApi(operation.api);
  return {
    operationId: operation.operationId,
    method: operation.method,
    path: operation.path,
    ...(operation.usagePlan ? { usagePlan: { ...operation.usagePlan, header: String(operation.usagePlan.rate) } } : {}),
    auth: tokenRequirement(operation),
    ...(roles ? { roles } : {}),
    handle: (call) => answerFromExamples(operation, call),
  };
}

let operations: Operation[] | undefined;

/** Every operation in Amazon's models, answered from their static sandbox examples. */
export function genericOperations(): readonly Operation[] {
  operations ??= generatedOperations().map(toOperation);
  return operations;
}
