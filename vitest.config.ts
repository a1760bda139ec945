import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": import.meta.dirname, "server-only": path.join(import.meta.dirname, "tests/support/server-only-stub.ts") };
// Workspace packages (packages/*) export their TypeScript source under this condition, so tests import
// `@latchkey/client` by its package name and see the current source without a build (tsconfig.json has it too).
// The rest is Vitest's default server conditions; Vitest also hands them to Node as --conditions, so no "module".
const ssr = { resolve: { conditions: ["latchkey-source", "node", "development|production"] } };

export default defineConfig({
  resolve: { alias },
  ssr,
  test: {
    projects: [
      {
        resolve: { alias },
        ssr,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        ssr,
        test: {
          name: "integration",
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/workflow-definitions.ts"],
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
