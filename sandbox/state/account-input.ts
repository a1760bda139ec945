import { z } from "zod";
import { findMarketplace } from "./marketplaces";
import { allRolesFor, isRole } from "./roles";
import type { Account } from "./types";

/** An account a test adds over the control API. Sellers name marketplaces (one region); vendors name vendor codes. */
export const accountInputSchema = z
  .object({
    sellingPartnerId: z.string().min(1),
    name: z.string().min(1),
    type: z.enum(["seller", "vendor"]),
    region: z.enum(["NA", "EU", "FE"]).optional(),
    marketplaces: z.array(z.string()).default([]),
    vendorCodes: z.array(z.string().min(1)).default([]),
    storeName: z.string().min(1).optional(),
    /** The roles the partner granted (Amazon's role names); default every role of its type. */
    roles: z.array(z.string()).optional(),
  })
  .superRefine((input, context) => {
    const unknown = input.marketplaces.find((id) => !findMarketplace(id));
    if (unknown) context.addIssue({ code: "custom", path: ["marketplaces"], message: `unknown marketplace ${unknown}` });
    const regions = new Set(input.marketplaces.map((id) => findMarketplace(id)?.region));
    if (regions.size > 1) context.addIssue({ code: "custom", path: ["marketplaces"], message: "marketplaces must all be in one region" });
    if (input.type === "seller" && input.marketplaces.length === 0) context.addIssue({ code: "custom", path: ["marketplaces"], message: "a seller needs at least one marketplace" });
    if (input.type === "vendor" && input.vendorCodes.length === 0) context.addIssue({ code: "custom", path: ["vendorCodes"], message: "a vendor group needs at least one vendor code" });
    if (input.type === "vendor" && !input.region && input.marketplaces.length === 0) context.addIssue({ code: "custom", path: ["region"], message: "a vendor group needs a region" });
    const unknownRole = input.roles?.find((role) => !isRole(role));
    if (unknownRole) context.addIssue({ code: "custom", path: ["roles"], message: `unknown role ${unknownRole}` });
    const foreignRole = input.roles?.find((role) => isRole(role) && !allRolesFor(input.type).includes(role));
    if (foreignRole) context.addIssue({ code: "custom", path: ["roles"], message: `a ${input.type} cannot grant ${foreignRole}` });
    const marketplaceRegion = findMarketplace(input.marketplaces[0] ?? "")?.region;
    if (input.region && marketplaceRegion && input.region !== marketplaceRegion) context.addIssue({ code: "custom", path: ["region"], message: "region does not match the marketplaces" });
  });

export function toAccount(input: z.output<typeof accountInputSchema>): Account {
  const region = input.region ?? findMarketplace(input.marketplaces[0] ?? "")?.region ?? "NA";
  return {
    sellingPartnerId: input.sellingPartnerId,
    name: input.name,
    type: input.type,
    region,
    marketplaces: input.marketplaces,
    vendorCodes: input.vendorCodes,
    storeName: input.storeName ?? input.name,
    ...(input.roles ? { roles: input.roles } : {}),
  };
}
