// Shared by the dev and start launchers: validate configuration before anything starts, so a bad value
// is one clear line instead of a stack trace from deep inside Next.
import { ConfigError, parseEnv, type ServerEnv } from "../lib/env";
import { getKeyRing } from "../lib/vault";
import { resolveAuthSecret } from "../lib/auth/auth-secret";

/** The sandbox's fixed development app (see sandbox/README.md); used only when talking to the sandbox. */
export const SANDBOX_APP_DEFAULTS = {
  SPAPI_APPLICATION_ID: "amzn1.sp.solution.latchkey-sandbox",
  LWA_CLIENT_ID: "amzn1.application-oa2-client.latchkeysandbox",
  LWA_CLIENT_SECRET: "amzn1.oa2-cs.v1.latchkey-sandbox-secret-0001",
} as const;

export function validateOrExit(source: NodeJS.ProcessEnv): ServerEnv {
  try {
    const env = parseEnv(source);
    getKeyRing(); // a malformed key ring is a configuration error too, caught before anything starts
    resolveAuthSecret(env);
    return env;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`latchkey: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

export function exitOnError(error: unknown): never {
  console.error(`latchkey: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
