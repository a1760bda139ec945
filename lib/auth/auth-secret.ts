import "server-only";
// The secret that signs session cookies and hashes magic-link tokens. Production must set AUTH_SECRET; in
// development and tests a random one is created once in AUTH_DEV_SECRET_FILE (like the vault's dev key),
// so sessions survive restarts without any setup.
import { randomBytes } from "node:crypto";
import { ConfigError, readServerEnv, type ServerEnv } from "@/lib/env";
import { registerSecret } from "@/lib/log/redact";
import { readOrCreateLocalSecretFile } from "@/lib/utils/local-secret-file";
import { processLocal } from "@/lib/runtime/process-local";

type AuthSecretEnv = Pick<ServerEnv, "NODE_ENV" | "AUTH_SECRET" | "AUTH_DEV_SECRET_FILE">;

const MIN_LENGTH = 32;

function invalid(message: string): ConfigError {
  return new ConfigError(`Invalid configuration: ${message}`);
}

function loadDevSecret(file: string): string {
  const content = readOrCreateLocalSecretFile(file, "AUTH_DEV_SECRET_FILE", () => `${randomBytes(32).toString("base64url")}\n`);
  const secret = content.trim();
  if (secret.length < MIN_LENGTH) throw invalid(`AUTH_DEV_SECRET_FILE ${file} holds fewer than ${MIN_LENGTH} characters; delete it to get a new one`);
  return secret;
}

/** The auth secret an environment describes. Throws ConfigError in production when AUTH_SECRET is unset. */
export function resolveAuthSecret(env: AuthSecretEnv): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === "production") {
    throw invalid("AUTH_SECRET is required in production (at least 32 random characters; generate one with `openssl rand -base64 32`)");
  }
  return loadDevSecret(env.AUTH_DEV_SECRET_FILE);
}

/** The process's auth secret, resolved once and registered for redaction. */
export function getAuthSecret(): string {
  return processLocal("authSecret", () => {
    const secret = resolveAuthSecret(readServerEnv());
    registerSecret(secret);
    return secret;
  });
}
