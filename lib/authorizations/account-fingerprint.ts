// Which Amazon account a token really belongs to, as far as the token itself can tell. Amazon does not sign
// the consent redirect and no SP-API operation returns a token's seller id, so `selling_partner_id` is only a
// claim; the fingerprint is what the token read at connection time: the marketplaces and store names of
// getMarketplaceParticipations (sellers), the vendor codes of the purchase orders it can read (vendors).
import { z } from "zod";
import { findMarketplace } from "@/lib/amazon/marketplaces";

export const accountFingerprintSchema = z.object({
  marketplaceIds: z.array(z.string()),
  storeNames: z.array(z.string()),
  vendorCodes: z.array(z.string()),
});

export type AccountFingerprint = z.infer<typeof accountFingerprintSchema>;

const sorted = (values: readonly string[]) => [...new Set(values)].sort();

export function accountFingerprint(input: { marketplaceIds?: readonly string[]; storeNames?: readonly string[]; vendorCodes?: readonly string[] }): AccountFingerprint {
  return { marketplaceIds: sorted(input.marketplaceIds ?? []), storeNames: sorted(input.storeNames ?? []), vendorCodes: sorted(input.vendorCodes ?? []) };
}

/** A stored fingerprint (a JSON column), or null when none was recorded or it is not one. */
export function readAccountFingerprint(value: unknown): AccountFingerprint | null {
  const parsed = accountFingerprintSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function disjoint(a: readonly string[], b: readonly string[], normalize: (value: string) => string = (value) => value): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const left = new Set(a.map(normalize));
  return !b.some((value) => left.has(normalize(value)));
}

/**
 * Whether two fingerprints can be the same account. Tolerant of ordinary change (a marketplace joined or
 * left, a store renamed in one marketplace): they differ only when a kind of evidence both have shares
 * nothing — different store names, no marketplace in common, or no vendor code in common.
 */
export function sameAccount(a: AccountFingerprint, b: AccountFingerprint): boolean {
  return !(disjoint(a.storeNames, b.storeNames, (name) => name.trim().toLowerCase()) || disjoint(a.marketplaceIds, b.marketplaceIds) || disjoint(a.vendorCodes, b.vendorCodes));
}

/** One line an admin can compare: "Store: Acme · Marketplaces: US, CA". */
export function describeAccountFingerprint(fingerprint: AccountFingerprint | null): string {
  if (!fingerprint) return "Not recorded (the connection test did not pass)";
  const parts: string[] = [];
  if (fingerprint.storeNames.length) parts.push(`Store${fingerprint.storeNames.length === 1 ? "" : "s"}: ${fingerprint.storeNames.join(", ")}`);
  if (fingerprint.marketplaceIds.length) parts.push(`Marketplaces: ${fingerprint.marketplaceIds.map((id) => findMarketplace(id)?.country ?? id).join(", ")}`);
  if (fingerprint.vendorCodes.length) parts.push(`Vendor codes: ${fingerprint.vendorCodes.join(", ")}`);
  return parts.length ? parts.join(" · ") : "Nothing readable (no marketplaces, store names or purchase orders)";
}
