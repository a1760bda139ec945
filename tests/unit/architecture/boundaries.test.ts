// The folder rules the code is meant to keep, read from the source: what may import what, who speaks
// Amazon's wire format, and where process-wide state lives.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../../..");

function sources(folder: string): { file: string; text: string }[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(tsx?|mts)$/.test(f) && !f.startsWith("generated"))
    .map((f) => ({ file: path.join(folder, f), text: readFileSync(path.join(ROOT, folder, f), "utf8") }));
}

/** Every module a file imports (static, dynamic, re-export), as written. */
function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["']([^"']+)["']/g)].map((m) => m[1]!);
}

/** lib/<folder> of an import, resolving "@/lib/x/..." and relative paths from `file`. */
function libFolderOf(file: string, specifier: string): string | undefined {
  const target = specifier.startsWith("@/") ? specifier.slice(2) : specifier.startsWith(".") ? path.join(path.dirname(file), specifier) : undefined;
  const match = target && /^lib\/([^/]+)\//.exec(target.split(path.sep).join("/"));
  return match?.[1];
}

describe("folder boundaries", () => {
  it("components/ import nothing from app/", () => {
    const offenders = sources("components").filter(({ text }) => importsOf(text).some((s) => s.startsWith("@/app/")));
    expect(offenders.map((o) => o.file)).toEqual([]);
  });

  it("lib/ imports nothing from app/ or inngest/", () => {
    const offenders = sources("lib").flatMap(({ file, text }) =>
      importsOf(text)
        .filter((s) => /^@\/(app|inngest)\//.test(s) || /^(\.\.\/)+(app|inngest)\//.test(s))
        .map((s) => `${file} → ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it("lib/app-client and lib/tokens, and lib/app-client and lib/workflows, do not import each other", () => {
    const edges = new Set(
      sources("lib").flatMap(({ file, text }) => {
        const from = /^lib\/([^/]+)\//.exec(file.split(path.sep).join("/"))?.[1];
        return importsOf(text).flatMap((s) => {
          const to = libFolderOf(file, s);
          return from && to && to !== from ? [`${from}→${to}`] : [];
        });
      }),
    );
    for (const [a, b] of [
      ["app-client", "tokens"],
      ["app-client", "workflows"],
    ]) {
      expect(edges.has(`${a}→${b}`) && edges.has(`${b}→${a}`), `${a} ↔ ${b}`).toBe(false);
    }
  });

  it("only lib/amazon calls Amazon (SP-API and LWA requests are built there)", () => {
    const offenders = sources("lib")
      .filter(({ file }) => !file.startsWith(path.join("lib", "amazon")))
      .filter(({ text }) => /\b(callSpApi|amazonFetch)\s*[<(]/.test(text) || /["'`]\/(tokens|notifications|applications)\/(v1|20\d\d-\d\d-\d\d)\//.test(text));
    expect(offenders.map((o) => o.file)).toEqual([]);
  });

  it("process-wide state is held through lib/runtime/process-local.ts, not on globalThis by hand", () => {
    const offenders = sources("lib")
      .filter(({ file }) => file !== path.join("lib", "runtime", "process-local.ts"))
      .filter(({ text }) => /\bglobalThis\b/.test(text));
    expect(offenders.map((o) => o.file)).toEqual([]);
  });
});
