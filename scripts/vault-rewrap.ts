// Re-wraps every data key under the active master key (VAULT_ACTIVE_KEY_ID, or the first entry of
// VAULT_MASTER_KEYS). Resumable: run it again after an interruption. Exits non-zero if any data key
// could not be re-wrapped, or if some data key's master key is missing from VAULT_MASTER_KEYS.
// Run with `tsx --conditions=react-server` (the vault modules are server-only).
import { closeDb } from "../lib/db/client";
import { rewrapDataKeys, vaultStatus } from "../lib/vault";

function describe(status: Awaited<ReturnType<typeof vaultStatus>>): string {
  if (status.byMasterKey.length === 0) return "no data keys yet";
  return status.byMasterKey
    .map((group) => `${group.masterKeyId}: ${group.count}${group.active ? " (active)" : ""}${group.inKeyRing ? "" : " (NOT IN KEY RING)"}`)
    .join(", ");
}

async function main(): Promise<number> {
  const before = await vaultStatus();
  console.log(`vault: active master key ${before.activeKeyId}; key ring ${before.keyRingIds.join(", ")}${before.keySource === "dev-file" ? " (development key file)" : ""}`);
  console.log(`vault: data keys before: ${describe(before)}`);
  if (before.needsRewrap === 0) {
    console.log("vault: nothing to re-wrap; every data key is under the active master key.");
    return 0;
  }

  const result = await rewrapDataKeys({
    batchSize: 100,
    onProgress: (p) => console.log(`vault: ${p.done}/${p.total} done (${p.rewrapped} re-wrapped, ${p.alreadyCurrent} already current, ${p.failed} failed)`),
  });
  const after = await vaultStatus();
  console.log(
    `vault: finished: ${result.total} data keys, ${result.rewrapped} re-wrapped, ${result.alreadyCurrent} already current, ${result.failed} failed`,
  );
  console.log(`vault: data keys after: ${describe(after)}`);
  if (result.failed > 0) {
    console.error(`vault: ${result.failed} data key(s) could not be re-wrapped (ids: ${result.failedIds.join(", ")}); they keep their old wrapping. See the log above.`);
    return 1;
  }
  if (after.needsRewrap > 0) {
    console.error(`vault: ${after.needsRewrap} data key(s) are still under an older master key (created during the run?); run again.`);
    return 1;
  }
  console.log("vault: done. The old master keys can be removed from VAULT_MASTER_KEYS once every instance runs with this key ring.");
  return 0;
}

main()
  .catch((error: unknown) => {
    console.error(`vault: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  })
  .then(async (code) => {
    await closeDb().catch(() => undefined);
    process.exit(code);
  });
