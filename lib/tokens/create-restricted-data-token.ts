import "server-only";
import { z } from "zod";
import { findRestrictedOperation } from "@/lib/amazon/restricted-operations";
import { callSpApi, SpApiError } from "@/lib/amazon/spapi";
import { AppError } from "@/lib/errors";
import { getAccessToken, type TokenRequestOptions } from "./get-access-token";
import { LATCHKEY_OPERATIONS, monitorCall } from "@/lib/monitoring/record-latchkey-call";

export const restrictedResourcesInput = z
  .object({
    restrictedResources: z
      .array(
        z.object({
          method: z.enum(["GET", "PUT", "POST", "DELETE"]),
          path: z.string().min(1).max(512).startsWith("/"),
          dataElements: z.array(z.string().min(1).max(64)).max(10).optional(),
        }),
      )
      .min(1)
      .max(50),
    targetApplication: z.string().min(1).max(128).optional(),
  })
  .superRefine((value, ctx) => {
    value.restrictedResources.forEach((resource, index) => {
      const operation = findRestrictedOperation(resource.method, resource.path);
      if (!operation) {
        ctx.addIssue({ code: "custom", path: ["restrictedResources", index, "path"], message: `${resource.method} ${resource.path} is not a restricted operation; use an access token` });
        return;
      }
      for (const element of resource.dataElements ?? []) {
        if (!operation.dataElements?.includes(element)) {
          ctx.addIssue({ code: "custom", path: ["restrictedResources", index, "dataElements"], message: `dataElements "${element}" is not allowed for ${operation.operation}` });
        }
      }
    });
  });

export type RestrictedResourcesInput = z.input<typeof restrictedResourcesInput>;

/**
 * A Restricted Data Token for the given restricted resources, made with the partner's access token.
 * It is returned to the caller and never stored.
 */
export async function createRestrictedDataToken(authorizationId: string, input: unknown, options: TokenRequestOptions = {}) {
  const body = restrictedResourcesInput.parse(input);
  const token = await getAccessToken(authorizationId, options);
  try {
    const { data } = await monitorCall(authorizationId, LATCHKEY_OPERATIONS.createRestrictedDataToken, () =>
      callSpApi<{ restrictedDataToken: string; expiresIn: number }>({
        region: token.authorization.region,
        accessToken: token.accessToken,
        method: "POST",
        path: "/tokens/2021-03-01/restrictedDataToken",
        body,
      }),
    );
    return { restrictedDataToken: data.restrictedDataToken, expiresAt: new Date(Date.now() + data.expiresIn * 1000), authorization: token.authorization };
  } catch (error) {
    if (!(error instanceof SpApiError)) throw error;
    if (error.transient) throw new AppError(error.status === 429 ? "rate_limited" : "amazon_unavailable", undefined, { cause: error, details: { amazonCode: error.code } });
    if (error.status === 400) throw new AppError("invalid_input", "Amazon rejected these restricted resources.", { cause: error, details: { amazonCode: error.code } });
    throw new AppError("forbidden", "Amazon refused a Restricted Data Token for these resources (the app may lack the restricted role).", { cause: error, details: { amazonCode: error.code } });
  }
}
