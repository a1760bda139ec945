// `npm run dev`: one command for a laptop. Validates config, migrates and seeds the database (embedded
// PGlite unless DATABASE_URL is set), starts the Amazon sandbox, then `next dev` on :3000.
// With `--production` it runs the same stack on a production build (`next build` when sources changed,
// then `next start`): what the end-to-end tests run against.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { createSandbox } from "../sandbox/server";
import { describeDatabase } from "../lib/db/adapter";
import { migrateDatabase } from "../lib/db/migrate";
import { SANDBOX_APP_DEFAULTS, exitOnError, validateOrExit } from "./launch-env";
import { seedDatabase } from "./seed";

const production = process.argv.includes("--production");

function newestSourceChange(): number {
  let newest = 0;
  const visit = (entry: string) => {
    if (!existsSync(entry)) return;
    const stat = statSync(entry);
    if (stat.isDirectory()) for (const child of readdirSync(entry)) visit(path.join(entry, child));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of ["app", "components", "lib", "emails", "public", "auth.ts", "proxy.ts", "instrumentation.ts", "next.config.ts", "package-lock.json"]) visit(entry);
  return newest;
}

function buildIfStale(): void {
  const buildId = path.join(process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID");
  if (existsSync(buildId) && statSync(buildId).mtimeMs > newestSourceChange()) return;
  console.log("latchkey: building for production (sources changed since the last build)…");
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) exitOnError(new Error("next build failed"));
}

async function main(): Promise<void> {
  // Defaults go into this process's own env too, so the seed, the vault and Next all agree.
  const childEnv = process.env;
  Object.assign(childEnv, { NODE_ENV: production ? "production" : "development", NEXT_TELEMETRY_DISABLED: "1" });
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

  if (production) buildIfStale();
  const next = spawn(process.execPath, ["node_modules/next/dist/bin/next", production ? "start" : "dev", "--port", String(port)], {
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
