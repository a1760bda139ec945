import { defineConfig } from "prisma/config";

// Used by the ordinary `prisma` CLI on machines that have its native engine. On offline machines the
// project's own scripts (scripts/db.ts) drive Prisma's WASM schema engine over the same folders.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx scripts/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/latchkey" },
});
