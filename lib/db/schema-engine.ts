// Drives Prisma's WASM schema engine through a driver adapter, so migrations work on machines where the
// native Prisma CLI engine cannot be downloaded. Used by scripts and tests only; never bundled by Next.
import { readFile, readdir, mkdir, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

const requireFromHere = createRequire(import.meta.url);

export const PRISMA_DIR = path.resolve(process.cwd(), "prisma");
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");

type WasmBindings = typeof import("@prisma/schema-engine-wasm") & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

let bindings: Promise<WasmBindings> | undefined;

/** Instantiates the WASM module once per process (the package's own entry uses ESM-WASM imports Node 20 lacks). */
function loadBindings(): Promise<WasmBindings> {
  bindings ??= (async () => {
    const dir = path.dirname(requireFromHere.resolve("@prisma/schema-engine-wasm"));
    const glue = (await import(pathToFileURL(path.join(dir, "schema_engine_bg.js")).href)) as WasmBindings;
    const bytes = await readFile(path.join(dir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return bindings;
}

export async function openSchemaEngine(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<SchemaEngine> {
  const glue = await loadBindings();
  const schema = await readFile(SCHEMA_PATH, "utf8");
  return glue.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}

export async function readMigrationList(): Promise<MigrationList> {
  const names = existsSync(MIGRATIONS_DIR)
    ? (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: { tag: "ok" as const, value: await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8") },
        },
      })),
    ),
  };
}

/** Applies every migration not yet recorded in `_prisma_migrations`; returns the names applied. */
export async function deployMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const engine = await openSchemaEngine(adapterFactory);
  try {
    const out = await engine.applyMigrations({ migrationsList: await readMigrationList(), filters: { externalTables: [], externalEnums: [] } });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

export async function migrationStatus(adapterFactory: SqlMigrationAwareDriverAdapterFactory) {
  const engine = await openSchemaEngine(adapterFactory);
  try {
    return await engine.diagnoseMigrationHistory({
      migrationsList: await readMigrationList(),
      optInToShadowDatabase: false,
      filters: { externalTables: [], externalEnums: [] },
    });
  } finally {
    engine.free();
  }
}

/**
 * Writes a new migration folder with the SQL that takes the committed migrations to the current schema.
 * Pass a throwaway database (in-memory PGlite): the committed migrations are applied to it first and it is
 * then diffed against the schema, which is what `prisma migrate dev` does with its shadow database.
 * Returns null when nothing changed.
 */
export async function createMigration(throwawayDatabase: SqlMigrationAwareDriverAdapterFactory, name: string): Promise<string | null> {
  const engine = await openSchemaEngine(throwawayDatabase);
  const filters = { externalTables: [], externalEnums: [] };
  try {
    await engine.applyMigrations({ migrationsList: await readMigrationList(), filters });
    const schema = await readFile(SCHEMA_PATH, "utf8");
    const files = [{ path: SCHEMA_PATH, content: schema }];
    const out = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: process.cwd() },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters,
    });
    const script = out.stdout?.trim();
    if (!script || script === "-- This is an empty migration.") return null;
    const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const folder = `${stamp}_${name.replace(/[^a-zA-Z0-9_]/g, "_")}`;
    await mkdir(path.join(MIGRATIONS_DIR, folder), { recursive: true });
    await writeFile(path.join(MIGRATIONS_DIR, folder, "migration.sql"), `${script}\n`);
    const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
    if (!existsSync(lock)) {
      await writeFile(lock, '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n');
    }
    return folder;
  } finally {
    engine.free();
  }
}
