import { readSandboxEnv } from "./config/env";
import { createSandbox } from "./server";

/** `npm run sandbox`: the Amazon simulator, configured from SANDBOX_* environment variables. */
async function main(): Promise<void> {
  const env = readSandboxEnv();
  const sandbox = await createSandbox({
    port: env.port,
    host: env.host,
    stateFile: env.stateFile,
    defaultApp: env.defaultApp,
    logRequests: !env.quiet,
    ...(env.publicUrl ? { publicUrl: env.publicUrl } : {}),
    ...(env.notificationSinkUrl ? { notificationSinkUrl: env.notificationSinkUrl } : {}),
  });
  console.log(`Amazon sandbox listening on ${sandbox.url}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(signal === "SIGINT" ? 130 : 143),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
