import "server-only";
// The Tokens API (AMAZON.md): createRestrictedDataToken, and the restricted resources it takes.
import { z } from "zod";
import type { Region } from "./regions";
import { findRestrictedOperation } from "./restricted-operations";
import { callSpApi } from "./spapi";

/** Amazon's request body, limited to the restricted operations Amazon lists (any other needs no RDT). */
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
      if (operation.specificPathOnly && /\{[^}]+\}/.test(resource.path)) {
        ctx.addIssue({ code: "custom", path: ["restrictedResources", index, "path"], message: `${operation.operation} needs a concrete path, not a template` });
      }
      for (const element of resource.dataElements ?? []) {
        if (!operation.dataElements?.includes(element)) {
          ctx.addIssue({ code: "custom", path: ["restrictedResources", index, "dataElements"], message: `dataElements "${element}" is not allowed for ${operation.operation}` });
        }
      }
    });
  });

export type RestrictedResources = z.output<typeof restrictedResourcesInput>;

/** A Restricted Data Token for these resources, made with the partner's access token; throws SpApiError. */
export async function requestRestrictedDataToken(request: { region: Region; accessToken: string; resources: RestrictedResources }): Promise<{ restrictedDataToken: string; expiresIn: number }> {
  const { data } = await callSpApi(
    {
      region: request.region,
      accessToken: request.accessToken,
      method: "POST",
      path: "/tokens/2021-03-01/restrictedDataToken",
      body: request.resources,
    },
    // tokens_2021-03-01 CreateRestrictedDataTokenResponse: both fields are what the caller is given.
    z.object({ restrictedDataToken: z.string().min(1).max(4096), expiresIn: z.number().int().positive() }),
  );
  return { restrictedDataToken: data.restrictedDataToken, expiresIn: data.expiresIn };
}
