// Prints a fresh master key entry ("keyId:base64-32-bytes") to add to VAULT_MASTER_KEYS.
// Standalone on purpose (node:crypto only): it needs no env, database or server-only module.
// To rotate: put the new entry FIRST (or set VAULT_ACTIVE_KEY_ID to it), keep the old ones after it,
// deploy, run `npm run vault:rewrap`, and only then remove the old entries.
import { randomBytes } from "node:crypto";

const date = new Date().toISOString().slice(0, 10).replaceAll("-", "");
const id = `k${date}-${randomBytes(3).toString("hex")}`;
const key = randomBytes(32).toString("base64");

console.log(`${id}:${key}`);
if (process.stdout.isTTY) {
  console.error(
    [
      "",
      `New master key "${id}". Keep it secret and backed up: losing every master key loses every stored secret.`,
      "Rotation: VAULT_MASTER_KEYS=<new>,<old...> (the first is active unless VAULT_ACTIVE_KEY_ID says otherwise),",
      "then `npm run vault:rewrap`, then drop the old entries.",
    ].join("\n"),
  );
}
