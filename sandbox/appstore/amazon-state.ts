import { MINUTE_MS } from "../clock";
import { hashSecret, newAmazonState } from "../ids";
import type { Region } from "../state/marketplaces";
import type { SandboxStore } from "../state/store";
import type { AmazonStateRecord, App } from "../state/types";

/** `amazon_state` is single-use; the sandbox gives it 15 minutes (unconfirmed; Amazon does not document it). */
export const AMAZON_STATE_TTL_MS = 15 * MINUTE_MS;

export function issueAmazonState(store: SandboxStore, app: App, sellingPartnerId: string, region: Region): string {
  const value = newAmazonState();
  store.data.amazonStates.push({
    hash: hashSecret(value),
    applicationId: app.applicationId,
    sellingPartnerId,
    region,
    expiresAt: store.clock.now() + AMAZON_STATE_TTL_MS,
  });
  store.changed();
  return value;
}

/** The usable amazon_state record for this value and region, or undefined (unknown, used, expired, other region/app). */
export function findUsableAmazonState(store: SandboxStore, value: string, region: Region, applicationId: string | undefined): AmazonStateRecord | undefined {
  const hash = hashSecret(value);
  const record = store.data.amazonStates.find((candidate) => candidate.hash === hash);
  if (!record || record.usedAt !== undefined || store.clock.now() >= record.expiresAt) return undefined;
  if (record.region !== region) return undefined;
  if (applicationId !== undefined && record.applicationId !== applicationId) return undefined;
  return record;
}
