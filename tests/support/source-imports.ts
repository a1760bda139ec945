// Reads the code base's own imports, for the tests that keep its layering: which files a folder holds and
// which modules each file imports, resolved to paths from the repository root ("lib/tokens/get-access-token").
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

export interface SourceFile {
  /** From the repository root, with forward slashes. */
  file: string;
  text: string;
}

const toPosix = (p: string) => p.split(path.sep).join("/");

/** Every .ts/.tsx file below `folder` (generated code and dependencies left out). */
export function sourceFiles(folder: string): SourceFile[] {
  return readdirSync(path.join(REPO_ROOT, folder), { recursive: true, encoding: "utf8" })
    .map(toPosix)
    .filter((f) => /\.(tsx?|mts)$/.test(f) && !/(^|\/)(generated|node_modules|dist)\//.test(f))
    .map((f) => ({ file: `${folder}/${f}`, text: readFileSync(path.join(REPO_ROOT, folder, f), "utf8") }));
}

/** The project modules a file imports (static imports, re-exports, `import()`), resolved from the root; packages are left out. */
export function importsOf({ file, text }: SourceFile): string[] {
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|^import\s+)["']([^"']+)["']/gm)].flatMap(([, specifier = ""]) => {
    if (specifier.startsWith("@/")) return [specifier.slice(2)];
    if (specifier.startsWith(".")) return [toPosix(path.relative(REPO_ROOT, path.resolve(REPO_ROOT, path.dirname(file), specifier)))];
    return [];
  });
}

/** The folder of lib/ a module path lies in ("tokens" for lib/tokens/x), or undefined outside lib/. */
export function libFolderOf(modulePath: string): string | undefined {
  return /^lib\/([^/]+)\//.exec(modulePath)?.[1];
}
