// `npm start`: validate config, apply pending migrations, then `next start` (after `npm run build`).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { describeDatabase } from "../lib/db/adapter";
import { migrateDatabase } from "../lib/db/migrate";
import { exitOnError, validateOrExit } from "./launch-env";

async function main(): Promise<void> {
  const env = validateOrExit(process.env);
  if (!existsSync(".next/BUILD_ID")) exitOnError(new Error("no production build found: run `npm run build` first"));
  const applied = await migrateDatabase(env);
  console.log(`latchkey: ${describeDatabase(env)} (${applied.length ? `applied ${applied.join(", ")}` : "schema up to date"})`);
  const next = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "--port", process.env.PORT ?? "3000"], {
    stdio: "inherit",
    env: process.env,
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.kill(signal));
  next.on("exit", (code) => process.exit(code ?? 0));
}

main().catch(exitOnError);
