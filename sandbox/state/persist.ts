import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { stateDataSchema, type StateData } from "./types";

export type LoadResult = { kind: "missing" } | { kind: "loaded"; data: StateData } | { kind: "invalid"; reason: string };

export function loadStateFile(file: string): LoadResult {
  if (!existsSync(file)) return { kind: "missing" };
  try {
    const parsed = stateDataSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (!parsed.success) return { kind: "invalid", reason: "the file does not match the sandbox state format" };
    return { kind: "loaded", data: parsed.data };
  } catch (error) {
    return { kind: "invalid", reason: error instanceof Error ? error.message : "unreadable" };
  }
}

/** Keeps an unreadable state file aside (`<file>.invalid-<time>`) instead of overwriting it. */
export function setAsideStateFile(file: string, now: number): string {
  const target = `${file}.invalid-${now}`;
  renameSync(file, target);
  return target;
}

/** Writes atomically (temp file + rename) so a crash never leaves half a state file. */
export function writeStateFile(file: string, data: StateData): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(data, null, 2), { mode: 0o600 });
  renameSync(temp, file);
}
