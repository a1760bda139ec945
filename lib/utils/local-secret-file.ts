import "server-only";
import { randomBytes } from "node:crypto";
import { chmodSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "@/lib/env";

function errorCode(error: unknown): string | undefined {
  const code: unknown = error instanceof Error ? Reflect.get(error, "code") : undefined;
  return typeof code === "string" ? code : undefined;
}

/** Creates the file atomically (a private temp file hard-linked into place); another process may win. */
function createPrivateFile(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(temp, content, { mode: 0o600, flag: "wx" });
  try {
    chmodSync(temp, 0o600);
    linkSync(temp, file);
  } catch (error) {
    if (errorCode(error) !== "EEXIST") throw error;
  } finally {
    unlinkSync(temp);
  }
}

/**
 * Development-only secrets (the vault's dev master key, the dev auth secret): read `file`, creating it
 * once (mode 0600) with `generate()` when it does not exist. Errors name `variable`, never the content.
 */
export function readOrCreateLocalSecretFile(file: string, variable: string, generate: () => string): string {
  const resolved = path.resolve(file);
  try {
    return readFileSync(resolved, "utf8");
  } catch (error) {
    if (errorCode(error) !== "ENOENT") throw new ConfigError(`Invalid configuration: ${variable} ${file} cannot be read (${errorCode(error) ?? "unknown error"})`);
  }
  try {
    createPrivateFile(resolved, generate());
  } catch (error) {
    throw new ConfigError(`Invalid configuration: ${variable} ${file} cannot be created (${errorCode(error) ?? "unknown error"})`);
  }
  return readFileSync(resolved, "utf8");
}
