// The folder rules the code is meant to keep, read from the source: what may import what, who speaks
// Amazon's wire format, and where process-wide state lives.
import { describe, expect, it } from "vitest";
import { importsOf, libFolderOf, sourceFiles as sources } from "@/tests/support/source-imports";

/**
 * The import cycles between lib/'s folders (strongly connected components of more than one folder, by
 * Tarjan's algorithm), each given as one import per edge inside it.
 */
function libFolderCycles(): string[][] {
  const edges = new Map<string, Map<string, string>>();
  for (const source of sources("lib")) {
    const from = libFolderOf(source.file);
    for (const target of importsOf(source)) {
      const to = libFolderOf(target);
      if (!from || !to || to === from) continue;
      const out = edges.get(from) ?? new Map<string, string>();
      if (!out.has(to)) out.set(to, `${source.file} → ${target}`);
      edges.set(from, out);
    }
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const next of edges.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component = stack.splice(stack.indexOf(node));
    if (component.length > 1) {
      cycles.push(component.flatMap((from) => [...(edges.get(from) ?? [])].filter(([to]) => component.includes(to)).map(([, example]) => example)));
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

describe("folder boundaries", () => {
  it("components/ import nothing from app/", () => {
    const offenders = sources("components").flatMap((source) => importsOf(source).filter((m) => m.startsWith("app/")).map((m) => `${source.file} → ${m}`));
    expect(offenders).toEqual([]);
  });

  it("lib/ imports nothing from app/ or inngest/", () => {
    const offenders = sources("lib").flatMap((source) => importsOf(source).filter((m) => /^(app|inngest)\//.test(m)).map((m) => `${source.file} → ${m}`));
    expect(offenders).toEqual([]);
  });

  it("the folders of lib/ import each other without a cycle", () => {
    expect(libFolderCycles()).toEqual([]);
  });

  it("reads real imports (the rules above are not vacuous)", () => {
    const appImports = sources("app").flatMap(importsOf);
    expect(appImports.filter((m) => m.startsWith("lib/")).length).toBeGreaterThan(50);
    expect(sources("lib").flatMap(importsOf)).toContain("lib/db/client");
  });

  it("only lib/amazon calls Amazon (SP-API and LWA requests are built there)", () => {
    const offenders = sources("lib")
      .filter(({ file }) => !file.startsWith("lib/amazon/"))
      .filter(({ text }) => /\b(callSpApi|amazonFetch)\s*[<(]/.test(text) || /["'`]\/(tokens|notifications|applications)\/(v1|20\d\d-\d\d-\d\d)\//.test(text));
    expect(offenders.map((o) => o.file)).toEqual([]);
  });

  it("process-wide state is held through lib/runtime/process-local.ts, not on globalThis by hand", () => {
    const offenders = sources("lib")
      .filter(({ file }) => file !== "lib/runtime/process-local.ts")
      .filter(({ text }) => /\bglobalThis\b/.test(text));
    expect(offenders.map((o) => o.file)).toEqual([]);
  });
});
