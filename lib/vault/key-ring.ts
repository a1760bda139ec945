import "server-only";
// The master key ring: the keys that wrap data keys. From VAULT_MASTER_KEYS
// ("keyId:base64-32-bytes[,keyId:base64...]", active = VAULT_ACTIVE_KEY_ID or the first), or, outside
// production, from a development key file created on first use. Error messages name the variable and
// the entry, never key material.
import { randomBytes } from "node:crypto";
import { statSync } from "node:fs";
import path from "node:path";
import { ConfigError, readServerEnv, type ServerEnv } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { processLocal } from "@/lib/runtime/process-local";
import { readOrCreateLocalSecretFile } from "@/lib/utils/local-secret-file";
import type { SealingKey } from "./envelope";

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const KEY_BYTES = 32;

export interface KeyRing {
  /** The key new data keys are wrapped with. */
  readonly active: SealingKey;
  /** Every key id, active first. */
  readonly ids: readonly string[];
  /** Where the keys came from. */
  readonly source: "env" | "dev-file";
  get(id: string): SealingKey | undefined;
}

interface ParseOptions {
  activeId?: string;
  /** The variable (or file) the spec came from, named in error messages. */
  source?: string;
  /** The variable the active id came from, named in error messages. */
  activeSource?: string;
  origin?: KeyRing["source"];
}

function invalid(message: string): ConfigError {
  return new ConfigError(`Invalid configuration: ${message}`);
}

/** Parses "keyId:base64[,keyId:base64...]" into a key ring. Throws ConfigError naming the variable. */
export function parseKeyRing(spec: string, options: ParseOptions = {}): KeyRing {
  const source = options.source ?? "VAULT_MASTER_KEYS";
  const activeSource = options.activeSource ?? "VAULT_ACTIVE_KEY_ID";
  const hint = "format keyId:base64-32-bytes[,keyId:...]; generate one with `npm run vault:keygen`";
  const entries = spec
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (entries.length === 0) throw invalid(`${source} holds no keys (${hint})`);

  const keys = new Map<string, SealingKey>();
  entries.forEach((entry, index) => {
    const position = `entry ${index + 1}`;
    const colon = entry.indexOf(":");
    if (colon < 0) throw invalid(`${source} ${position} is not keyId:base64 (${hint})`);
    const id = entry.slice(0, colon).trim();
    const encoded = entry.slice(colon + 1).trim();
    // The id is printed only once it is known to look like an id (a pasted key would not fit).
    if (!KEY_ID.test(id)) throw invalid(`${source} ${position} has an invalid key id (1-32 characters from A-Z a-z 0-9 _ -)`);
    if (!BASE64.test(encoded)) throw invalid(`${source} key "${id}" is not valid base64 (${hint})`);
    const key = Buffer.from(encoded, "base64");
    if (key.length !== KEY_BYTES) {
      throw invalid(`${source} key "${id}" must decode to exactly ${KEY_BYTES} bytes, not ${key.length} (${hint})`);
    }
    if (keys.has(id)) throw invalid(`${source} lists key id "${id}" more than once`);
    keys.set(id, { id, key });
  });

  const ids = [...keys.keys()];
  const activeId = options.activeId?.trim() || ids[0];
  const active = activeId === undefined ? undefined : keys.get(activeId);
  if (!active) {
    const named = activeId && KEY_ID.test(activeId) ? ` "${activeId}"` : "";
    throw invalid(`${activeSource}${named} is not one of the key ids in ${source} (${ids.join(", ")})`);
  }
  return {
    active,
    ids: [active.id, ...ids.filter((id) => id !== active.id)],
    source: options.origin ?? "env",
    get: (id) => keys.get(id),
  };
}

// --- development key file -------------------------------------------------------------------------

const warned = processLocal("devKeyWarned", () => ({ done: false }));

/**
 * Reads the development master key from `file`, creating it (mode 0600, "dev-<random>:<base64>") the
 * first time. Warns once per process that this is not for production.
 */
export function loadDevKeyRing(file: string): KeyRing {
  const resolved = path.resolve(file);
  const content = readOrCreateLocalSecretFile(file, "VAULT_DEV_KEY_FILE", () => `dev-${randomBytes(4).toString("hex")}:${randomBytes(KEY_BYTES).toString("base64")}\n`);
  const ring = parseKeyRing(content, { source: `VAULT_DEV_KEY_FILE (${file})`, origin: "dev-file" });
  if (!warned.done) {
    warned.done = true;
    const loose = (statSync(resolved).mode & 0o077) !== 0;
    logger.warn(
      `using a development master key from ${file}; set VAULT_MASTER_KEYS in production${loose ? ` (and note ${file} is readable by other users: chmod 600 it)` : ""}`,
    );
  }
  return ring;
}

// --- the process's key ring -----------------------------------------------------------------------

type KeyRingEnv = Pick<ServerEnv, "NODE_ENV" | "VAULT_MASTER_KEYS" | "VAULT_ACTIVE_KEY_ID" | "VAULT_DEV_KEY_FILE">;

/** Builds the key ring an environment describes. */
export function loadKeyRing(env: KeyRingEnv): KeyRing {
  if (env.VAULT_MASTER_KEYS) return parseKeyRing(env.VAULT_MASTER_KEYS, { activeId: env.VAULT_ACTIVE_KEY_ID });
  if (env.NODE_ENV === "production") {
    throw invalid("VAULT_MASTER_KEYS is required in production (format keyId:base64-32-bytes[,keyId:...]; generate one with `npm run vault:keygen`)");
  }
  if (env.VAULT_ACTIVE_KEY_ID) throw invalid("VAULT_ACTIVE_KEY_ID is set but VAULT_MASTER_KEYS is not");
  return loadDevKeyRing(env.VAULT_DEV_KEY_FILE);
}

const holder = processLocal("keyRing", (): { configured?: KeyRing; override?: KeyRing } => ({}));

/** The key ring of this process: an injected one (tests, scripts), else the one the env describes. */
export function getKeyRing(): KeyRing {
  if (holder.override) return holder.override;
  holder.configured ??= loadKeyRing(readServerEnv());
  return holder.configured;
}

/**
 * Uses `ring` instead of the configured key ring (tests and tools); `undefined` goes back to the
 * configured one, re-read from the env on next use. Cached data keys are dropped on the next vault call.
 */
export function setKeyRing(ring: KeyRing | undefined): void {
  holder.override = ring;
  if (!ring) holder.configured = undefined;
}
