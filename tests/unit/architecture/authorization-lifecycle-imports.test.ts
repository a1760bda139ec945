// The lifecycle's layering, read from the source: lib/authorizations/ is the bottom layer the connection
// flows, preflight, the token service and the lifecycle workflows build on (it imports none of them), and
// only the state machine and the status-free bookkeeping write to an authorization row.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const LIB = path.join(import.meta.dirname, "../../../lib");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The lib/ folders a file imports from (by `@/lib/<folder>` or a relative path leaving its folder). */
function importedFolders(file: string): string[] {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(/from\s+"([^"]+)"/g)].flatMap(([, target]) => {
    if (target!.startsWith("@/lib/")) return [target!.split("/")[2]!];
    if (target!.startsWith(".")) return [path.relative(LIB, path.resolve(path.dirname(file), target!)).split(path.sep)[0]!];
    return [];
  });
}

describe("the authorization lifecycle's imports", () => {
  it("lib/authorizations imports nothing from the folders built on it", () => {
    const offending = sourceFiles(path.join(LIB, "authorizations")).flatMap((file) =>
      importedFolders(file)
        .filter((folder) => ["oauth", "preflight", "tokens", "lifecycle", "admin"].includes(folder))
        .map((folder) => `${path.relative(LIB, file)} → ${folder}`),
    );
    expect(offending).toEqual([]);
  });

  it("only the state machine and the bookkeeping write to an authorization row", () => {
    const writers = sourceFiles(LIB)
      .filter((file) => /\bauthorization\.(update|updateMany)\(/.test(readFileSync(file, "utf8")))
      .map((file) => path.relative(LIB, file))
      .sort();
    expect(writers).toEqual(["authorizations/state-machine.ts", "authorizations/token-bookkeeping.ts"]);
  });
});
