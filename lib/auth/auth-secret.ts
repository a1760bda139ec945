import "server-only";
// The secret that signs session cookies and hashes magic-link tokens. Production must set AUTH_SECRET; in
// development and tests a random one is created once in AUTH_DEV_SECRET_FILE (like the vault's dev key),
// so sessions survive restarts without any setup.
import { randomBytes } from "node:crypto";
import { chmodSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError, readServerEnv, type ServerEnv } from "@/lib/env";
import { registerSecret } from "@/lib/log/redact";

type AuthSecretEnv = Pick<ServerEnv, "NODE_ENV" | "AUTH_SECRET" | "AUTH_DEV_SECRET_FILE">;

const MIN_LENGTH = 32;

function errorCode(error: unknown): string | undefined {
  const code: unknown = error instanceof Error ? Reflect.get(error, "code") : undefined;
  return typeof code === "string" ? code : undefined;
}

function invalid(message: string): ConfigError {
  return new ConfigError(`Invalid configuration: ${message}`);
}

/** Creates the file atomically (a private temp file hard-linked into place); another process may win. */
function createDevSecretFile(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(temp, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  try {
    chmodSync(temp, 0o600);
    linkSync(temp, file);
  } catch (error) {
    if (errorCode(error) !== "EEXIST") throw error;
  } finally {
    unlinkSync(temp);
  }
}

function loadDevSecret(file: string): string {
  const resolved = path.resolve(file);
  let content: string;
  try {
    content = readFileSync(resolved, "utf8");
  } catch (error) {
    if (errorCode(error) !== "ENOENT") throw invalid(`AUTH_DEV_SECRET_FILE ${file} cannot be read (${errorCode(error) ?? "unknown error"})`);
    try {
      createDevSecretFile(resolved);
    } catch (createError) {
      throw invalid(`AUTH_DEV_SECRET_FILE ${file} cannot be created (${errorCode(createError) ?? "unknown error"})`);
    }
    content = readFileSync(resolved, "utf8");
  }
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

const holder = globalThis as typeof globalThis & { __latchkeyAuthSecret?: string };

/** The process's auth secret, resolved once and registered for redaction. */
export function getAuthSecret(): string {
  if (!holder.__latchkeyAuthSecret) {
    const secret = resolveAuthSecret(readServerEnv());
    registerSecret(secret);
    holder.__latchkeyAuthSecret = secret;
  }
  return holder.__latchkeyAuthSecret;
}
