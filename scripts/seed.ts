// Seeds what a fresh instance needs: the app client from the environment (in `npm run dev`, the sandbox's
// development app). Idempotent: running it again changes nothing.
import { pathToFileURL } from "node:url";
import { bootstrapAppClient } from "../lib/app-client/bootstrap-app-client";
import { closeDb } from "../lib/db/client";
import { migrateDatabase } from "../lib/db/migrate";
import type { ServerEnv } from "../lib/env";
import { exitOnError, validateOrExit } from "./launch-env";

export async function seedDatabase(env: ServerEnv): Promise<void> {
  try {
    const appClient = await bootstrapAppClient(env);
    const said = {
      created: `app client ${env.LWA_CLIENT_ID} created from the environment`,
      exists: `app client ${env.LWA_CLIENT_ID} already present`,
      not_configured: "no app client configured (set LWA_CLIENT_ID, LWA_CLIENT_SECRET, SPAPI_APPLICATION_ID)",
    }[appClient];
    console.log(`latchkey: ${said}`);
  } finally {
    await closeDb();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const env = validateOrExit(process.env);
  migrateDatabase(env)
    .then(() => seedDatabase(env))
    .catch(exitOnError);
}
