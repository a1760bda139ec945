// The lifecycle's layering, read from the source: lib/authorizations/ is the bottom layer the connection
// flows, preflight, the token service and the lifecycle workflows build on (it imports none of them), and
// only the state machine and the status-free bookkeeping write to an authorization row.
import { describe, expect, it } from "vitest";
import { importsOf, libFolderOf, sourceFiles } from "@/tests/support/source-imports";

describe("the authorization lifecycle's imports", () => {
  it("lib/authorizations imports nothing from the folders built on it", () => {
    const offending = sourceFiles("lib/authorizations").flatMap((source) =>
      importsOf(source)
        .filter((target) => ["oauth", "preflight", "tokens", "lifecycle", "dashboard"].includes(libFolderOf(target) ?? ""))
        .map((target) => `${source.file} → ${target}`),
    );
    expect(offending).toEqual([]);
  });

  it("only the state machine and the bookkeeping write to an authorization row", () => {
    const writers = sourceFiles("lib")
      .filter(({ text }) => /\bauthorization\.(update|updateMany)\(/.test(text))
      .map(({ file }) => file)
      .sort();
    expect(writers).toEqual(["lib/authorizations/state-machine.ts", "lib/authorizations/token-bookkeeping.ts"]);
  });
});
