import "server-only";
import { REGIONS } from "@/lib/amazon/marketplaces";
import type { Region } from "@/lib/amazon/regions";
import type { PartnerKind } from "@/lib/generated/prisma/client";
import { probeConnection } from "@/lib/preflight/test-connectivity";

/**
 * Where a token's account lives when its test call was refused in the region the flow started in: one test
 * call per other region (not monitored: no authorization exists there). null when none answers either.
 */
export async function locateAccountRegion(subject: { id: string; region: Region; tenant: { kind: PartnerKind } }, accessToken: string): Promise<Region | null> {
  for (const { id: region } of REGIONS) {
    if (region === subject.region) continue;
    const probe = await probeConnection(subject, accessToken, region, { monitored: false });
    if (probe.ok) return region;
  }
  return null;
}
