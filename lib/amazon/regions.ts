// SP-API's three regions: one authorization covers one region, and each has its own endpoint.

export const REGION_CODES = ["NA", "EU", "FE"] as const;

export type Region = (typeof REGION_CODES)[number];

/** How a region is named to people. */
export const REGION_NAMES: Readonly<Record<Region, string>> = { NA: "North America", EU: "Europe", FE: "Far East" };
