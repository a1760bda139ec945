// `npm run dev`: one command for a laptop. Validates config, migrates and seeds the database (embedded
// PGlite unless DATABASE_URL is set), starts the Amazon sandbox, then `next dev` on :3000.
import { spawn } from "node:child_process";
import { createSandbox } from "../sandbox/server";
import { describeDatabase } from "../lib/db/adapter";
import { migrateDatabase } from "../lib/db/migrate";
import { SANDBOX_APP_DEFAULTS, exitOnError, validateOrExit } from "./launch-env";
import { seedDatabase } from "./seed";

async function main(): Promise<void> {
  // Defaults go into this process's own env too, so the seed, the vault and `next dev` all agree.
  const childEnv = process.env;
  Object.assign(childEnv, { NODE_ENV: "development", NEXT_TELEMETRY_DISABLED: "1" });
  childEnv.AMAZON_ENDPOINTS ??= "sandbox";
  // So a visitor can also see the admin side: sign in as this address (the link arrives in /dev/outbox).
  childEnv.ADMIN_EMAILS ??= "admin@latchkey.local";
  const port = Number(childEnv.PORT ?? 3000);
  childEnv.APP_URL ??= `http://localhost:${port}`;
  if (childEnv.AMAZON_ENDPOINTS === "sandbox") {
    for (const [key, value] of Object.entries(SANDBOX_APP_DEFAULTS)) childEnv[key] ??= value;
  }
  const env = validateOrExit(childEnv);

  const applied = await migrateDatabase(env);
  console.log(`latchkey: ${describeDatabase(env)} (${applied.length ? `applied ${applied.join(", ")}` : "schema up to date"})`);
  await seedDatabase(env);

  let sandbox: Awaited<ReturnType<typeof createSandbox>> | undefined;
  if (env.AMAZON_ENDPOINTS === "sandbox") {
    const sandboxUrl = new URL(env.SANDBOX_URL);
    sandbox = await createSandbox({
      host: sandboxUrl.hostname,
      port: Number(sandboxUrl.port || 80),
      stateFile: childEnv.SANDBOX_STATE_FILE ?? ".data/sandbox-state.json",
      redirectUris: [`${env.APP_URL}/api/oauth/callback`],
      loginUri: `${env.APP_URL}/appstore/login`,
    });
    console.log(`latchkey: Amazon sandbox on ${sandbox.url}`);
  }
  console.log(`latchkey: open ${env.APP_URL}/connect to onboard a partner; admins (${env.ADMIN_EMAILS.join(", ")}) sign in at ${env.APP_URL}/admin`);

  const next = spawn(process.execPath, ["node_modules/next/dist/bin/next", "dev", "--port", String(port)], {
    stdio: "inherit",
    env: childEnv,
  });
  const stop = (signal: NodeJS.Signals) => {
    next.kill(signal);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  next.on("exit", async (code) => {
    await sandbox?.close();
    process.exit(code ?? 0);
  });
}

main().catch(exitOnError);
