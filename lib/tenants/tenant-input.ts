import { z } from "zod";
import { findMarketplace } from "@/lib/amazon/marketplaces";

export const registerTenantInput = z.object({
  name: z.string().trim().min(2, "Enter your business name").max(120),
  kind: z.enum(["SELLER", "VENDOR"], { message: "Choose seller or vendor" }),
  contactEmail: z.email("Enter a valid email address").trim().toLowerCase(),
  marketplaceIds: z
    .array(z.string())
    .min(1, "Choose at least one marketplace")
    .refine((ids) => ids.every((id) => findMarketplace(id)), "Unknown marketplace"),
});

export type RegisterTenantInput = z.infer<typeof registerTenantInput>;
